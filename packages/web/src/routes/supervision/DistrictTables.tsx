import { Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { formatNumber, formatPercent, formatRupiah } from '../../format';
import { ExportButtons } from './ExportButtons';
import { HEALTH_BANDS, useProposals, type Dashboard } from './supervisionApi';

/** The health bands and per-kecamatan figures as tables: what the charts show, for everyone. */
export function KecamatanTable({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">{t('supervision.byKecamatan')}</Title>
        <ExportButtons table="kecamatan" label={t('supervision.byKecamatan')} />
      </Group>
      <Paper withBorder>
        <TableScroll label={t('supervision.byKecamatan')} minWidth={620}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('supervision.columns.kecamatan')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('supervision.columns.cooperatives')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('supervision.columns.active')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('supervision.columns.outstanding')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('supervision.columns.npl')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('supervision.columns.par30')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('supervision.columns.problemCases')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dashboard.kecamatan.map((k) => (
                <Table.Tr key={k.code ?? 'none'}>
                  <Table.Td>{k.name ?? '—'}</Table.Td>
                  <Table.Td ta="right">{formatNumber(k.cooperatives)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(k.active)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(k.outstanding, { symbol: false })}</Table.Td>
                  <Table.Td ta="right">{formatPercent(k.nplGross)}</Table.Td>
                  <Table.Td ta="right">{formatPercent(k.par30)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(k.causes.total.cases)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Paper>
    </Stack>
  );
}

export function BandsAndCompliance({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const c = dashboard.compliance;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">{t('supervision.bands')}</Title>
          <ExportButtons table="bands" label={t('supervision.bands')} />
        </Group>
        <List listStyleType="none" spacing={4}>
          {[...HEALTH_BANDS, 'none' as const].map((band) => (
            <List.Item key={band}>
              {t(`supervision.band.${band}`)}: <strong>{formatNumber(dashboard.bands[band])}</strong>
            </List.Item>
          ))}
        </List>
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">{t('supervision.compliance', { period: c.period })}</Title>
          <ExportButtons table="compliance" label={t('supervision.compliance', { period: c.period })} />
        </Group>
        <Text>{t('supervision.complianceLine', { furnished: c.furnished, expected: c.expected, rejected: formatNumber(c.rowsRejected), rows: formatNumber(c.rows) })}</Text>
        {dashboard.inquiryFlags.length > 0 ? (
          <>
            <Title order={3} size="h5" mt="md">{t('supervision.inquiryFlags')}</Title>
            <List size="sm">
              {dashboard.inquiryFlags.map((f) => (
                <List.Item key={f.cooperativeId}>
                  {f.name}: {f.flags.map((flag) => t(`supervision.inquiryFlag.${flag}`)).join(', ')}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Paper>
    </SimpleGrid>
  );
}

export function ProposalsPanel() {
  const { t } = useTranslation();
  const proposals = useProposals();
  const p = proposals.data;
  if (!p) return null;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">{t('supervision.proposals')}</Title>
        <ExportButtons table="proposals" label={t('supervision.proposals')} />
      </Group>
      <Text size="sm" c="dimmed" mb="sm">{t('supervision.proposalsLead')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Title order={3} size="h5">{t('supervision.proposedInactive')}</Title>
          {p.proposedInactive.length === 0 ? <Text c="dimmed">{t('supervision.none')}</Text> : null}
          {p.proposedInactive.map((x) => (
            <Text key={x.id} size="sm">
              {x.name} ({x.code}){' '}
              {x.reasons.map((r) => (
                <Badge key={r} size="sm" variant="light" color="orange" ml={4}>
                  {t(`supervision.reason.${r}`, { years: p.settings.ratYears, months: p.settings.furnishingMonths })}
                </Badge>
              ))}
            </Text>
          ))}
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h5">{t('supervision.dissolution', { months: p.settings.dissolutionMonths })}</Title>
          {p.dissolutionCandidates.length === 0 ? <Text c="dimmed">{t('supervision.none')}</Text> : null}
          {p.dissolutionCandidates.map((x) => (
            <Text key={x.id} size="sm">
              {x.name} ({x.code}) · {t('supervision.columns.since')} {x.inactiveSince ?? '—'}
            </Text>
          ))}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
