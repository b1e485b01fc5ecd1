import { Anchor, Badge, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableScroll } from '../../components/TableScroll';
import { formatPercent, formatRupiah } from '../../format';
import { BAND_COLOR } from './FigureCards';
import type { CooperativeFigures } from './supervisionApi';

/** Cooperatives with their figures; each name opens the cooperative's page. */
export function CooperativeFiguresTable({ items, label, empty }: { items: CooperativeFigures[]; label: string; empty: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Paper withBorder>
      <TableScroll label={label} minWidth={760}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('supervision.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('supervision.columns.kecamatan')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('supervision.columns.outstanding')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('supervision.columns.npl')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('supervision.columns.nplNet')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('supervision.columns.par30')}</Table.Th>
              <Table.Th scope="col">{t('supervision.columns.band')}</Table.Th>
              <Table.Th scope="col">{t('supervision.columns.lastPeriod')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/pengawasan?koperasi=${c.id}`} fw={500}>
                    {c.name}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    {c.code}
                    {c.activityStatus === 'inactive' ? ` · ${t('supervision.status.inactive')}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>{c.kecamatanName ?? '—'}</Table.Td>
                <Table.Td ta="right">{formatRupiah(c.outstanding, { symbol: false })}</Table.Td>
                <Table.Td ta="right">{formatPercent(c.nplGross)}</Table.Td>
                <Table.Td ta="right">{formatPercent(c.nplNet)}</Table.Td>
                <Table.Td ta="right">{formatPercent(c.par30)}</Table.Td>
                <Table.Td>
                  {c.healthBand ? (
                    <Badge variant="light" color={BAND_COLOR[c.healthBand]}>
                      {t(`supervision.band.${c.healthBand}`)}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{c.lastPeriod ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}
