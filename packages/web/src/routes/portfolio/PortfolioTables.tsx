import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { formatDate, formatNumber, formatPercent, formatRupiah } from '../../format';
import type { Portfolio } from './portfolioApi';

export function ClassTable({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  const total = portfolio.ratios.totalOutstanding;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('portfolio.byClass')}
      </Title>
      <TableScroll label={t('portfolio.byClass')} minWidth={520}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('portfolio.columns.class')}</Table.Th>
              <Table.Th ta="right">{t('portfolio.columns.count')}</Table.Th>
              <Table.Th ta="right">{t('portfolio.columns.outstanding')}</Table.Th>
              <Table.Th ta="right">{t('portfolio.columns.share')}</Table.Th>
              <Table.Th ta="right">{t('portfolio.columns.allowance')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {portfolio.byClass.map((c) => (
              <Table.Tr key={c.classCode}>
                <Table.Td>
                  {c.name} ({c.classCode}) {c.nonPerforming ? <Badge color="red" variant="light" size="sm">{t('portfolio.nonPerforming')}</Badge> : null}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(c.count)}</Table.Td>
                <Table.Td ta="right">{formatRupiah(c.outstanding, { symbol: false })}</Table.Td>
                <Table.Td ta="right">{formatPercent(total === 0 ? 0 : c.outstanding / total)}</Table.Td>
                <Table.Td ta="right">{formatRupiah(c.allowance, { symbol: false })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}

export function ProductTable({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('portfolio.byProduct')}
      </Title>
      <TableScroll label={t('portfolio.byProduct')} minWidth={480}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('portfolio.columns.product')}</Table.Th>
              <Table.Th ta="right">{t('portfolio.columns.count')}</Table.Th>
              <Table.Th ta="right">{t('portfolio.columns.outstanding')}</Table.Th>
              <Table.Th ta="right">{t('portfolio.columns.npl')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {portfolio.byProduct.map((p) => (
              <Table.Tr key={p.productId}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td ta="right">{formatNumber(p.count)}</Table.Td>
                <Table.Td ta="right">{formatRupiah(p.outstanding, { symbol: false })}</Table.Td>
                <Table.Td ta="right" c={p.nplGross > portfolio.nplLimit ? 'red.9' : undefined} fw={p.nplGross > portfolio.nplLimit ? 700 : undefined}>
                  {formatPercent(p.nplGross)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}

export function WorsenedTable({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb={4}>
        {t('portfolio.worsenedTitle')}
      </Title>
      {portfolio.worsenedSince ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('portfolio.worsened', { date: formatDate(portfolio.worsenedSince) })}
        </Text>
      ) : null}
      {portfolio.worsened.length === 0 ? (
        <Text size="sm">{t('portfolio.worsenedEmpty')}</Text>
      ) : (
        <TableScroll label={t('portfolio.worsenedTitle')} minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('portfolio.columns.loanNo')}</Table.Th>
                <Table.Th>{t('portfolio.columns.member')}</Table.Th>
                <Table.Th>{t('portfolio.columns.from')}</Table.Th>
                <Table.Th>{t('portfolio.columns.to')}</Table.Th>
                <Table.Th ta="right">{t('portfolio.columns.dpd')}</Table.Th>
                <Table.Th ta="right">{t('portfolio.columns.outstanding')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {portfolio.worsened.map((w) => (
                <Table.Tr key={w.loanId}>
                  <Table.Td>{w.loanNo}</Table.Td>
                  <Table.Td>{w.memberName}</Table.Td>
                  <Table.Td>{w.fromClass}</Table.Td>
                  <Table.Td>{w.toClass}</Table.Td>
                  <Table.Td ta="right">{formatNumber(w.daysPastDue)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(w.outstanding, { symbol: false })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Paper>
  );
}
