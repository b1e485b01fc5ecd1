import { Anchor, Badge, Button, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { formatDate, formatRupiah } from '../../format';
import { receiptUrl, type Repayment } from './loansApi';

/** Payments with where each went, a receipt link, and (for pengurus) a reversal button. */
export function RepaymentsTable({
  loanId,
  items,
  onReverse,
}: {
  loanId: number;
  items: Repayment[];
  onReverse: ((r: Repayment) => void) | null;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder component="section" aria-labelledby="loan-repayments-title">
      <Title order={2} size="h4" id="loan-repayments-title" p="md" pb={0}>
        {t('loans.detail.repayments')}
      </Title>
      <TableScroll label={t('loans.detail.repayments')} minWidth={680}>
        <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="loan-repayments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('loans.repay.paidOn')}</Table.Th>
              <Table.Th scope="col">{t('loans.repay.receiptNo')}</Table.Th>
              <Table.Th scope="col" className="num">
                {t('loans.repay.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('loans.repay.channel')}</Table.Th>
              <Table.Th scope="col">{t('loans.detail.allocationTitle')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('loans.actions.title')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr
                key={r.id}
                style={r.reversedAt ? { textDecoration: 'line-through', opacity: 0.7 } : undefined}
              >
                <Table.Td>{formatDate(r.paidOn)}</Table.Td>
                <Table.Td ff="monospace">{r.receiptNo}</Table.Td>
                <Table.Td className="num">{formatRupiah(r.amount)}</Table.Td>
                <Table.Td>{t(`loans.repay.channels.${r.channel}`)}</Table.Td>
                <Table.Td>
                  {r.allocation ? (
                    <Text size="xs">
                      {t('loans.detail.allocation', {
                        penalty: formatRupiah(r.allocation.penalty),
                        interest: formatRupiah(r.allocation.interest),
                        principal: formatRupiah(r.allocation.principal),
                      })}
                    </Text>
                  ) : (
                    <Badge
                      color="gray"
                      variant="light"
                      radius="sm"
                      style={{ textDecoration: 'none' }}
                    >
                      {t('loans.detail.reversed', { reason: r.reversalReason ?? '' })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ textDecoration: 'none', whiteSpace: 'nowrap' }}>
                  <Anchor
                    href={receiptUrl(loanId, r.id)}
                    target="_blank"
                    rel="noopener"
                    size="sm"
                    mr="sm"
                    aria-label={`${t('loans.detail.receipt')} ${r.receiptNo}`}
                  >
                    <IconReceipt size={14} aria-hidden /> {t('loans.detail.receipt')}
                  </Anchor>
                  {onReverse && !r.reversedAt ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => onReverse(r)}
                      aria-label={`${t('loans.reverse.open')} ${r.receiptNo}`}
                    >
                      {t('loans.reverse.open')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" p="md">
          {t('loans.detail.noRepayments')}
        </Text>
      ) : null}
    </Paper>
  );
}
