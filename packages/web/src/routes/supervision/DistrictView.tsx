import { Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../format';
import { CooperativeFiguresTable } from './CooperativeFiguresTable';
import { CausesPanel } from './CausesPanel';
import { BandsAndCompliance, KecamatanTable, ProposalsPanel } from './DistrictTables';
import { ExportButtons } from './ExportButtons';
import { FigureCards } from './FigureCards';
import { DISTRICT_PDF_URL, useDashboard, useTrend, type Dashboard } from './supervisionApi';

const DistrictCharts = lazy(() => import('./DistrictCharts'));

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

function Section({ title, table, children }: { title: string; table: 'above-limit' | 'cooperatives'; children: React.ReactNode }) {
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">{title}</Title>
        <ExportButtons table={table} label={title} />
      </Group>
      {children}
    </Stack>
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
          <Section title={t('supervision.aboveLimit')} table="above-limit">
            <CooperativeFiguresTable items={d.aboveLimit} label={t('supervision.aboveLimit')} empty={t('supervision.aboveLimitNone')} />
          </Section>
          <BandsAndCompliance dashboard={d} />
          <CausesPanel causes={d.causes} withExport />
          <ProposalsPanel />
          <KecamatanTable dashboard={d} />
          <Section title={t('supervision.allCooperatives')} table="cooperatives">
            <CooperativeFiguresTable items={d.cooperatives} label={t('supervision.allCooperatives')} empty={t('supervision.none')} />
          </Section>
        </Stack>
      ) : null}
    </>
  );
}
