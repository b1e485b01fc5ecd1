import { Button, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../format';
import { CausesPanel } from './CausesPanel';
import { CooperativesTable } from './CooperativesTable';
import { BandsAndCompliance, KecamatanTable, ProposalsPanel } from './DistrictTables';
import { FigureCards } from './FigureCards';
import { DISTRICT_PDF_URL, useDashboard, useTrend, type Dashboard, type TableQuery } from './supervisionApi';

const DistrictCharts = lazy(() => import('./DistrictCharts'));

/** The two tables' first queries; constants, so the table knows when its query is still the first. */
const ABOVE_LIMIT: TableQuery = { page: 1, sort: 'nplGross', order: 'desc', aboveLimit: true };
const ALL: TableQuery = { page: 1, sort: 'code', order: 'asc' };

function Counts({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const c = dashboard.counts;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('supervision.cooperatives')}</Text>
        <Text size="xl" fw={700} data-testid="cooperative-count">{formatNumber(c.cooperatives)}</Text>
        <Text size="sm" c="dimmed">{t('supervision.cooperativesNote', { active: formatNumber(c.active), inactive: formatNumber(c.inactive) })}</Text>
      </Paper>
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('supervision.members')}</Text>
        <Text size="xl" fw={700}>{formatNumber(c.members)}</Text>
      </Paper>
    </SimpleGrid>
  );
}

/** The district dashboard for the Dinas: aggregates per cooperative and district only. */
export function DistrictView() {
  const { t } = useTranslation();
  const dashboard = useDashboard();
  const trend = useTrend();
  const d = dashboard.data;
  return (
    <>
      <PageHeader
        title={t('nav.supervision')}
        lead={t('supervision.lead')}
        actions={
          <Button component="a" href={DISTRICT_PDF_URL} download variant="light" leftSection={<IconFileTypePdf size={18} aria-hidden />}>
            {t('supervision.pdf')}
          </Button>
        }
      />
      {dashboard.isPending ? <FullPageLoader /> : null}
      {dashboard.isError ? <ErrorAlert error={dashboard.error} /> : null}
      {d ? (
        <Stack gap="lg">
          <Text size="sm" c="dimmed">{t('supervision.asOf', { date: formatDate(d.asOf), policy: d.policy.name })}</Text>
          <Counts dashboard={d} />
          <FigureCards figures={d.district} limitPercent={d.nplLimitPercent} />
          <Suspense fallback={<Loader size="sm" />}>{trend.data ? <DistrictCharts dashboard={d} trend={trend.data} /> : null}</Suspense>
          <CooperativesTable
            title={t('supervision.aboveLimit')}
            table="above-limit"
            empty={t('supervision.aboveLimitNone')}
            initial={ABOVE_LIMIT}
            first={{ page: d.aboveLimitPage, at: dashboard.dataUpdatedAt }}
          />
          <BandsAndCompliance dashboard={d} />
          <CausesPanel causes={d.causes} withExport />
          <ProposalsPanel />
          <KecamatanTable dashboard={d} />
          <CooperativesTable
            title={t('supervision.allCooperatives')}
            table="cooperatives"
            empty={t('supervision.none')}
            initial={ALL}
            kecamatan={d.kecamatan}
          />
        </Stack>
      ) : null}
    </>
  );
}
