import { Paper, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { TableScroll } from '../../components/TableScroll';
import { formatRupiah } from '../../format';
import { useAccounts } from './recoveryApi';

const COLUMNS = ['onBalance', 'writtenOff', 'recovered', 'forgiven', 'exposure'] as const;

/** On balance + written off − recovered − forgiven, per loan and for the cooperative. */
export function AccountsTable() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  if (accounts.isPending) return <FullPageLoader />;
  if (accounts.isError) return <ErrorAlert error={accounts.error} />;
  const { loans, totals } = accounts.data;
  const yes = (ok: boolean) => (ok ? '✓' : '✗');
  return (
    <Paper withBorder>
      <TableScroll label={t('recovery.accounts.label')} minWidth={720}>
        <Table striped verticalSpacing="xs" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('recovery.cases.columns.loanNo')}</Table.Th>
              {COLUMNS.map((k) => <Table.Th key={k} scope="col" ta="right">{t(`recovery.accounts.${k}`)}</Table.Th>)}
              <Table.Th scope="col">{t('recovery.accounts.reconciles')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loans.map((l) => (
              <Table.Tr key={l.loanId}>
                <Table.Td>{l.loanNo}</Table.Td>
                {COLUMNS.map((k) => <Table.Td key={k} ta="right">{formatRupiah(l[k])}</Table.Td>)}
                <Table.Td>{yes(l.reconciles)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('recovery.accounts.total')}</Table.Th>
              {COLUMNS.map((k) => <Table.Td key={k} ta="right" fw={700}>{formatRupiah(totals[k])}</Table.Td>)}
              <Table.Td>{yes(totals.reconciles)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </TableScroll>
    </Paper>
  );
}
