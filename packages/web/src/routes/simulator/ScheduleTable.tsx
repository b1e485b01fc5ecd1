import { Paper, Table } from '@mantine/core';
import type { Schedule } from '@simpul/domain';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { formatDate, formatRupiah } from '../../format';

const money = (minor: number) => formatRupiah(minor, { symbol: false });

/** Every instalment with its due date, split into pokok and bunga, and the balance after it. */
export function ScheduleTable({ schedule }: { schedule: Schedule }) {
  const { t } = useTranslation();
  const { installments, totals } = schedule;
  return (
    <Paper withBorder>
      <TableScroll label={t('simulator.scheduleTitle')} minWidth={560}>
        <Table striped verticalSpacing={6} horizontalSpacing="md" data-testid="schedule-table">
          <Table.Caption>{t('simulator.caption', { count: installments.length })}</Table.Caption>
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
                {t('simulator.columns.balance')} (Rp)
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {installments.map((row) => (
              <Table.Tr key={row.n}>
                <Table.Td className="num">{row.n}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(row.dueDate)}</Table.Td>
                <Table.Td className="num">{money(row.principal)}</Table.Td>
                <Table.Td className="num">{money(row.interest)}</Table.Td>
                <Table.Td className="num" fw={600}>
                  {money(row.total)}
                </Table.Td>
                <Table.Td className="num">{money(row.balance)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Th scope="row" colSpan={2}>
                {t('simulator.total')}
              </Table.Th>
              <Table.Td className="num">{money(totals.principal)}</Table.Td>
              <Table.Td className="num">{money(totals.interest)}</Table.Td>
              <Table.Td className="num">{money(totals.total)}</Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </TableScroll>
    </Paper>
  );
}
