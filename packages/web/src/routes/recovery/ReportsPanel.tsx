import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { formatPercent, formatRupiah } from '../../format';

const FunnelChart = lazy(() => import('./FunnelChart'));

interface Reports {
  causes: { code: string; label: string; cases: number }[];
  funnel: { stage: 'opened' | 'negotiated' | 'promised' | 'cured' | 'restructured' | 'written_off' | 'forgiven'; cases: number }[];
  promises: { made: number; kept: number; broken: number; pending: number; keepRate: number | null };
  recoveries: { writtenOff: number; recovered: number; forgiven: number; recoveryRate: number | null };
}

const exportLinks = (name: string) => (
  <Group gap="xs">
    <Anchor href={`/api/recovery/reports/${name}/export?format=csv`} size="sm">CSV</Anchor>
    <Anchor href={`/api/recovery/reports/${name}/export?format=xlsx`} size="sm">XLSX</Anchor>
  </Group>
);

/** Causes breakdown, resolution funnel, promise keep rate and recovery rate, each with its export. */
export function ReportsPanel() {
  const { t } = useTranslation();
  const reports = useQuery({ queryKey: ['recovery', 'reports'], queryFn: ({ signal }) => api<Reports>('/recovery/reports', { signal }) });
  if (reports.isPending) return <FullPageLoader />;
  if (reports.isError) return <ErrorAlert error={reports.error} />;
  const r = reports.data;
  const rate = (x: number | null) => (x === null ? '—' : formatPercent(x, 1));
  const funnel = r.funnel.map((f) => ({ name: t(`recovery.reports.stages.${f.stage}`), value: f.cases }));
  const causes = r.causes.filter((c) => c.cases > 0).map((c) => ({ name: t(`recovery.causes.labels.${c.code as 'business_failure'}`), value: c.cases }));
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {[{ id: 'funnel', title: t('recovery.reports.funnel'), data: funnel }, { id: 'causes', title: t('recovery.reports.causes'), data: causes }].map((block) => (
          <Paper key={block.id} withBorder p="md" component="section" aria-labelledby={`report-${block.id}`}>
            <Group justify="space-between"><Title order={2} size="h4" id={`report-${block.id}`}>{block.title}</Title>{exportLinks(block.id)}</Group>
            <Suspense fallback={null}><FunnelChart data={block.data} label={t('recovery.reports.cases')} /></Suspense>
            <Table>
              <Table.Tbody>
                {block.data.map((row) => <Table.Tr key={row.name}><Table.Th scope="row">{row.name}</Table.Th><Table.Td ta="right">{row.value}</Table.Td></Table.Tr>)}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <Group justify="space-between"><Text fw={700}>{t('recovery.reports.keepRate')}</Text>{exportLinks('promises')}</Group>
          <Text size="xl" fw={700}>{rate(r.promises.keepRate)}</Text>
          <Text size="sm" c="dimmed">{t('recovery.reports.keepDetail', { kept: r.promises.kept, broken: r.promises.broken, pending: r.promises.pending })}</Text>
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between"><Text fw={700}>{t('recovery.reports.recoveryRate')}</Text>{exportLinks('recoveries')}</Group>
          <Text size="xl" fw={700}>{rate(r.recoveries.recoveryRate)}</Text>
          <Text size="sm" c="dimmed">{t('recovery.reports.recoveryDetail', { recovered: formatRupiah(r.recoveries.recovered), writtenOff: formatRupiah(r.recoveries.writtenOff) })}</Text>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
