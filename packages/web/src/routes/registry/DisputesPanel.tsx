import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { formatDate } from '../../format';
import { useDisputes, useResolveDispute } from './registryApi';

/**
 * Disputes of the cooperative's lines (to answer within 20 working days) and those it
 * lodged for members; overdue ones are marked as escalated to the Dinas.
 */
export function DisputesPanel() {
  const { t } = useTranslation();
  const disputes = useDisputes();
  const resolve = useResolveDispute();
  return (
    <Paper withBorder p="md" aria-labelledby="disputes-title">
      <Title order={2} size="h4" mb="sm" id="disputes-title">{t('registry.disputes.title')}</Title>
      {disputes.isError ? <ErrorAlert error={disputes.error} /> : null}
      {resolve.isError ? <ErrorAlert error={resolve.error} /> : null}
      {disputes.data && disputes.data.items.length === 0 ? <Text c="dimmed">{t('registry.disputes.empty')}</Text> : null}
      {disputes.data && disputes.data.items.length > 0 ? (
        <TableScroll label={t('registry.disputes.title')} minWidth={820}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                {(['account', 'furnisher', 'opened', 'due', 'status'] as const).map((k) => <Table.Th key={k}>{t(`registry.disputes.columns.${k}`)}</Table.Th>)}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {disputes.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.accountRef}</Table.Td>
                  <Table.Td>{d.furnisher.name} ({d.furnisher.code})</Table.Td>
                  <Table.Td>{formatDate(d.openedOn)}</Table.Td>
                  <Table.Td>{formatDate(d.dueOn)}</Table.Td>
                  <Table.Td>
                    {t(`registry.disputes.statuses.${d.status}`)}
                    {d.escalated && d.status === 'open' ? <Badge color="red" variant="light" c="dark.9" ml={4}>{t('registry.disputes.escalated')}</Badge> : null}
                  </Table.Td>
                  <Table.Td>
                    {d.canAnswer ? (
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => resolve.mutate({ id: d.id, outcome: 'confirmed' })}>{t('registry.disputes.confirm')}</Button>
                        <Button size="xs" variant="light" onClick={() => resolve.mutate({ id: d.id, outcome: 'corrected' })}>{t('registry.disputes.correct')}</Button>
                        <Button size="xs" variant="light" color="red" onClick={() => resolve.mutate({ id: d.id, outcome: 'removed' })}>{t('registry.disputes.remove')}</Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Paper>
  );
}
