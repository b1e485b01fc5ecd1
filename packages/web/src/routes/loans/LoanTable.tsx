import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableScroll } from '../../components/TableScroll';
import { formatInstantDate, formatRupiah } from '../../format';
import { loanPath } from './loanRoles';
import type { LoanSummary } from './loansApi';
import { ClassBadge, LoanStatusBadge } from './LoanStatusBadge';

/** Loans with their member, terms and today's position; the loan number opens the loan. */
export function LoanTable({
  items,
  label,
  empty,
  showMember = true,
}: {
  items: LoanSummary[];
  label: string;
  empty: string;
  showMember?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder>
      <TableScroll label={label} minWidth={760}>
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Caption>{t('loans.count', { count: items.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('loans.columns.loanNo')}</Table.Th>
              {showMember ? <Table.Th scope="col">{t('loans.columns.member')}</Table.Th> : null}
              <Table.Th scope="col">{t('loans.columns.product')}</Table.Th>
              <Table.Th scope="col" className="num">
                {t('loans.columns.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('loans.columns.status')}</Table.Th>
              <Table.Th scope="col" className="num">
                {t('loans.columns.outstanding')}
              </Table.Th>
              <Table.Th scope="col" className="num">
                {t('loans.columns.dpd')}
              </Table.Th>
              <Table.Th scope="col">{t('loans.columns.class')}</Table.Th>
              <Table.Th scope="col">{t('loans.columns.appliedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td ff="monospace">
                  <Anchor component={Link} to={loanPath(l.id)}>
                    {l.loanNo}
                  </Anchor>
                </Table.Td>
                {showMember ? <Table.Td fw={500}>{l.member.fullName}</Table.Td> : null}
                <Table.Td>{l.product.name}</Table.Td>
                <Table.Td className="num">{formatRupiah(l.amount)}</Table.Td>
                <Table.Td>
                  <LoanStatusBadge status={l.status} />
                </Table.Td>
                <Table.Td className="num">
                  {l.disbursedOn ? formatRupiah(l.state.outstandingPrincipal) : '—'}
                </Table.Td>
                <Table.Td className="num">{l.disbursedOn ? l.state.daysPastDue : '—'}</Table.Td>
                <Table.Td>
                  <ClassBadge code={l.state.classCode} />
                </Table.Td>
                <Table.Td>{formatInstantDate(l.appliedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg">
          {empty}
        </Text>
      ) : null}
    </Paper>
  );
}
