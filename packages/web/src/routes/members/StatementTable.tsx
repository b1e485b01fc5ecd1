import { Badge, Button, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { formatDate, formatRupiah } from '../../format';
import { ReverseMovementModal } from './ReverseMovementModal';
import { useStatement, type StatementLine } from './savingsApi';

/** The statement (mutasi) with its running balance; writers may reverse a mistaken line. */
export function StatementTable({ memberId, canWrite }: { memberId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const statement = useStatement(memberId);
  const [reversing, setReversing] = useState<StatementLine | null>(null);
  const lines = statement.data?.lines ?? [];
  return (
    <div>
      <Title order={3} size="h4" mb="xs" id="member-statement-title">
        {t('savings.statement')}
      </Title>
      {statement.isError ? <ErrorAlert error={statement.error} /> : null}
      <TableScroll label={t('savings.statement')} minWidth={720}>
        <Table
          striped
          verticalSpacing="xs"
          horizontalSpacing="sm"
          aria-labelledby="member-statement-title"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">#</Table.Th>
              <Table.Th scope="col">{t('savings.onDate')}</Table.Th>
              <Table.Th scope="col">{t('savings.kind')}</Table.Th>
              <Table.Th scope="col">{t('savings.direction')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('savings.amount')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('savings.balance')}
              </Table.Th>
              <Table.Th scope="col">{t('savings.reference')}</Table.Th>
              {canWrite ? (
                <Table.Th scope="col">
                  <VisuallyHidden>{t('savings.reverse')}</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td ff="monospace">{l.id}</Table.Td>
                <Table.Td>{formatDate(l.onDate)}</Table.Td>
                <Table.Td>{t(`savings.kinds.${l.kind}`)}</Table.Td>
                <Table.Td>{t(`savings.directions.${l.direction}`)}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {(l.direction === 'withdrawal' ? '−' : '') +
                    formatRupiah(l.amount, { symbol: false })}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatRupiah(l.balance, { symbol: false })}
                </Table.Td>
                <Table.Td>
                  <LineNote line={l} />
                </Table.Td>
                {canWrite ? (
                  <Table.Td ta="right">
                    {l.reversesId === null && l.reversedById === null ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setReversing(l)}
                        aria-label={t('savings.reverseNamed', { id: l.id })}
                      >
                        {t('savings.reverse')}
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {statement.data && lines.length === 0 ? (
        <Text c="dimmed" ta="center" p="md">
          {t('savings.statementEmpty')}
        </Text>
      ) : null}
      <ReverseMovementModal
        memberId={memberId}
        line={reversing}
        onClose={() => setReversing(null)}
      />
    </div>
  );
}

function LineNote({ line }: { line: StatementLine }) {
  const { t } = useTranslation();
  return (
    <>
      {line.reference ? (
        <Text size="sm" span>
          {line.reference}{' '}
        </Text>
      ) : null}
      {line.reversedById !== null ? (
        <Badge size="sm" color="gray" variant="light">
          {t('savings.reversedBy', { id: line.reversedById })}
        </Badge>
      ) : null}
      {line.reversesId !== null ? (
        <Text size="xs" c="dimmed">
          {t('savings.reverses', { id: line.reversesId })}: {line.reason}
        </Text>
      ) : null}
    </>
  );
}
