import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { formatDate, formatInstantDate } from '../../format';
import { DisputesPanel } from './DisputesPanel';
import { useAlerts, useDigest, useMarkRead, type AlertKind } from './registryApi';

const KINDS: AlertKind[] = ['inquiry_elsewhere', 'new_account_elsewhere', 'dpd30_elsewhere', 'write_off_elsewhere'];

/** Today's date in the browser's zone, 'YYYY-MM-DD' (the server checks the business date). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Peringatan registri: the inbox about the cooperative's own borrowers, the daily digest and disputes. */
export default function AlertsPage() {
  const { t } = useTranslation();
  const alerts = useAlerts();
  const mark = useMarkRead();
  const unread = alerts.data?.unread ?? 0;
  return (
    <>
      <PageHeader
        title={t('nav.registryAlerts')}
        lead={t('registry.alerts.lead')}
        actions={<Button variant="default" disabled={unread === 0} loading={mark.isPending} onClick={() => mark.mutate({ all: true })}>{t('registry.alerts.markAll')}</Button>}
      />
      <Stack gap="lg">
        {alerts.isError ? <ErrorAlert error={alerts.error} /> : null}
        <Group gap="xs">
          <Badge size="lg" variant="light" c="dark.9" color={unread > 0 ? 'red' : 'gray'} data-testid="unread-count">{t('registry.alerts.unread', { count: unread })}</Badge>
        </Group>
        {alerts.data && alerts.data.items.length === 0 ? <Text c="dimmed">{t('registry.alerts.empty')}</Text> : null}
        {alerts.data && alerts.data.items.length > 0 ? (
          <TableScroll label={t('registry.alerts.title')} minWidth={720}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('registry.alerts.columns.when')}</Table.Th>
                  <Table.Th>{t('registry.alerts.columns.kind')}</Table.Th>
                  <Table.Th>{t('registry.alerts.columns.account')}</Table.Th>
                  <Table.Th>{t('registry.alerts.columns.source')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {alerts.data.items.map((a) => (
                  <Table.Tr key={a.id} data-kind={a.kind} style={{ fontWeight: a.read ? undefined : 600 }}>
                    <Table.Td>{formatInstantDate(a.createdAt)}</Table.Td>
                    <Table.Td>{t(`registry.alerts.kinds.${a.kind}`)}</Table.Td>
                    <Table.Td>{a.accountRef}</Table.Td>
                    <Table.Td>{a.source ? `${a.source.name} (${a.source.code})` : '—'}</Table.Td>
                    <Table.Td>{a.read ? null : <Button size="xs" variant="subtle" onClick={() => mark.mutate({ ids: [a.id] })}>{t('registry.alerts.markOne')}</Button>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
        <Digest />
        <DisputesPanel />
      </Stack>
    </>
  );
}

function Digest() {
  const { t } = useTranslation();
  const [date, setDate] = useState(today());
  const digest = useDigest(date);
  return (
    <Paper withBorder p="md" aria-labelledby="digest-title">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4" id="digest-title">{t('registry.alerts.digest')} · {formatDate(date)}</Title>
        <TextInput type="date" label={t('registry.alerts.digestDate')} value={date} onChange={(e) => setDate(e.currentTarget.value || today())} />
      </Group>
      {digest.isError ? <ErrorAlert error={digest.error} /> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        {KINDS.map((k) => (
          <div key={k}>
            <Text size="xs" c="dimmed">{t(`registry.alerts.kinds.${k}`)}</Text>
            <Text fw={700} fz="xl">{digest.data?.counts[k] ?? 0}</Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
