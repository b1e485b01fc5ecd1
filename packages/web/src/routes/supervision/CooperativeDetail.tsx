import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { formatDate, formatNumber, formatPercent, formatRupiah } from '../../format';
import { CausesPanel } from './CausesPanel';
import { FigureCards } from './FigureCards';
import type { supervisionId } from './i18n';
import { useCooperativeSupervision, type CooperativeSupervision } from './supervisionApi';

function SimpleTable({ label, headers, rows }: { label: string; headers: string[]; rows: ReactNode[][] }) {
  return (
    <Paper withBorder>
      <TableScroll label={label} minWidth={420}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>{headers.map((h) => <Table.Th scope="col" key={h}>{h}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={i}>{r.map((cell, j) => <Table.Td key={j}>{cell}</Table.Td>)}</Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{title}</Title>
      {children}
    </Stack>
  );
}

function Tables({ page }: { page: CooperativeSupervision }) {
  const { t } = useTranslation();
  const c = (key: keyof typeof supervisionId.columns): string => t(`supervision.columns.${key}`);
  const none = <Text c="dimmed">{t('supervision.none')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Block title={t('supervision.page.classes')}>
        {page.classes.length === 0 ? <Text c="dimmed">{t('supervision.page.noLoans')}</Text> : <SimpleTable label={t('supervision.page.classes')} headers={[c('classCode'), c('accounts'), c('outstanding')]} rows={page.classes.map((x) => [x.classCode, formatNumber(x.accounts), formatRupiah(x.outstanding)])} />}
      </Block>
      <Block title={t('supervision.trend')}>
        <SimpleTable label={t('supervision.trend')} headers={[c('month'), c('outstanding'), c('npl'), c('par30')]} rows={page.trend.filter((p) => p.accounts > 0).reverse().slice(0, 12).map((p) => [p.period, formatRupiah(p.outstanding), formatPercent(p.nplGross), formatPercent(p.par30)])} />
      </Block>
      <Block title={t('supervision.page.furnishing')}>
        {page.furnishing.length === 0 ? none : <SimpleTable label={t('supervision.page.furnishing')} headers={[c('period'), c('rows'), c('accepted'), c('rejected')]} rows={page.furnishing.map((b) => [b.period, formatNumber(b.rows), formatNumber(b.accepted), formatNumber(b.rejected)])} />}
      </Block>
      <Block title={t('supervision.page.inquiries')}>
        {page.inquiries.length === 0 ? none : <SimpleTable label={t('supervision.page.inquiries')} headers={[c('month'), c('purpose'), c('inquiries')]} rows={page.inquiries.map((i) => [i.month, i.purpose, formatNumber(i.inquiries)])} />}
      </Block>
      <Block title={t('supervision.page.history')}>
        <SimpleTable label={t('supervision.page.history')} headers={[c('effectiveOn'), c('change'), c('reason'), c('by')]} rows={page.statusHistory.map((h) => [formatDate(h.effectiveOn), `${h.fromStatus ? t(`supervision.status.${h.fromStatus}`) : '—'} → ${t(`supervision.status.${h.toStatus}`)}`, h.reason, h.changedBy])} />
      </Block>
    </SimpleGrid>
  );
}

/** One cooperative for the Dinas: ratios, class totals, trend, furnishing, inquiries, status. */
export function CooperativeDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const query = useCooperativeSupervision(id);
  const page = query.data;
  return (
    <>
      <Anchor component={Link} to="/pengawasan" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('supervision.back')}
        </Group>
      </Anchor>
      {query.isPending ? <FullPageLoader /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {page ? (
        <Stack gap="lg" mt="sm">
          <PageHeader
            title={page.cooperative.name}
            lead={`${page.cooperative.code} · ${page.cooperative.kecamatanName ?? '—'} · ${t('supervision.columns.lastRat')}: ${page.cooperative.lastRatYear ?? '—'} · ${t('supervision.columns.lastPeriod')}: ${page.lastPeriod ?? '—'}`}
            actions={<Badge size="lg" color={page.cooperative.activityStatus === 'active' ? 'green' : 'gray'}>{t(`supervision.status.${page.cooperative.activityStatus}`)}</Badge>}
          />
          <FigureCards figures={page.figures} limitPercent={5} />
          <CausesPanel causes={page.causes} />
          <Tables page={page} />
        </Stack>
      ) : null}
    </>
  );
}
