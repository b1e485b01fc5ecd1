import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { formatNumber, formatRupiah } from '../../format';
import { ExportButtons } from './ExportButtons';
import type { CauseCounts, CauseSummary } from './supervisionApi';

const CausesChart = lazy(() => import('./CausesChart'));

/**
 * Causes of problem loans (recovery cases) for the district or one cooperative: a bar per
 * cause and the counts as a table. Counts only; the Dinas never sees a case or a member.
 */
export function CausesPanel({ causes, withExport = false }: { causes: CauseSummary; withExport?: boolean }) {
  const { t } = useTranslation();
  const title = t('supervision.causes.title');
  const label = (code: string) => t(`recovery.causes.labels.${code as 'business_failure'}`);
  const recorded = causes.causes.filter((c) => c.cases > 0);
  const rows: [string, CauseCounts][] = [...recorded.map((c): [string, CauseCounts] => [label(c.code), c]), [t('supervision.causes.unrecorded'), causes.unrecorded], [t('supervision.causes.total'), causes.total]];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="supervision-causes">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="supervision-causes">{title}</Title>
          {withExport ? <ExportButtons table="causes" label={title} /> : null}
        </Group>
        <Text size="sm" c="dimmed">{t('supervision.causes.lead')}</Text>
        {causes.total.cases === 0 ? (
          <Text c="dimmed">{t('supervision.causes.none')}</Text>
        ) : (
          <>
            <Suspense fallback={null}>
              <CausesChart data={recorded.map((c) => ({ cause: label(c.code), cases: c.cases }))} label={t('supervision.causes.cases')} />
            </Suspense>
            <TableScroll label={title} minWidth={480}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('supervision.causes.cause')}</Table.Th>
                    <Table.Th scope="col" ta="right">{t('supervision.causes.cases')}</Table.Th>
                    <Table.Th scope="col" ta="right">{t('supervision.causes.open')}</Table.Th>
                    <Table.Th scope="col" ta="right">{t('supervision.causes.outstanding')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map(([name, c]) => (
                    <Table.Tr key={name}>
                      <Table.Th scope="row" fw={400}>{name}</Table.Th>
                      <Table.Td ta="right">{formatNumber(c.cases)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(c.openCases)}</Table.Td>
                      <Table.Td ta="right">{formatRupiah(c.outstanding, { symbol: false })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </>
        )}
      </Stack>
    </Paper>
  );
}
