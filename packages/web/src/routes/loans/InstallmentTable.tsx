import { Badge, Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { formatDate, formatRupiah } from '../../format';
import type { InstallmentRow } from './loansApi';

const money = (minor: number) => formatRupiah(minor, { symbol: false });

function RowStatus({ row, today }: { row: InstallmentRow; today: string }) {
  const { t } = useTranslation();
  if (row.paidOffDate)
    return (
      <Badge variant="light" color="green" radius="sm">
        {t('loans.detail.paidOff', { date: formatDate(row.paidOffDate) })}
      </Badge>
    );
  if (row.dueDate <= today)
    return (
      <Badge variant="light" color="red" radius="sm">
        {t('loans.detail.late', { days: row.daysLate })}
      </Badge>
    );
  return (
    <Badge variant="light" color="gray" radius="sm">
      {t('loans.detail.due')}
    </Badge>
  );
}

/** The fixed schedule with what was paid of each instalment and its state today. */
export function InstallmentTable({ rows, today }: { rows: InstallmentRow[]; today: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder component="section" aria-labelledby="loan-schedule-title">
      <Title order={2} size="h4" id="loan-schedule-title" p="md" pb={0}>
        {t('loans.detail.schedule')}
      </Title>
      <TableScroll label={t('loans.detail.schedule')} minWidth={720}>
        <Table striped verticalSpacing={6} horizontalSpacing="md" data-testid="loan-schedule">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" className="num">
                {t('simulator.columns.n')}
              </Table.Th>
              <Table.Th scope="col">{t('simulator.columns.dueDate')}</Table.Th>
              <Table.Th scope="col" className="num">
                {t('simulator.columns.principal')} (Rp)
              </Table.Th>
              <Table.Th scope="col" className="num">
                {t('simulator.columns.interest')} (Rp)
              </Table.Th>
              <Table.Th scope="col" className="num">
                {t('simulator.columns.total')} (Rp)
              </Table.Th>
              <Table.Th scope="col" className="num">
                {t('loans.detail.paid')} (Rp)
              </Table.Th>
              <Table.Th scope="col" className="num">
                {t('loans.detail.penalty')} (Rp)
              </Table.Th>
              <Table.Th scope="col">{t('loans.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.n}>
                <Table.Td className="num">{r.n}</Table.Td>
                <Table.Td>{formatDate(r.dueDate)}</Table.Td>
                <Table.Td className="num">{money(r.principal)}</Table.Td>
                <Table.Td className="num">{money(r.interest)}</Table.Td>
                <Table.Td className="num">{money(r.total)}</Table.Td>
                <Table.Td className="num">{money(r.paidPrincipal + r.paidInterest)}</Table.Td>
                <Table.Td className="num">{money(r.penalty)}</Table.Td>
                <Table.Td>
                  <RowStatus row={r} today={today} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}
