import { Anchor, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatRupiah } from '../../format';
import { documentUrl, useRecoveryWrite, type CaseDetail } from './recoveryApi';
import { RECOVERY_WORKERS } from './recoveryRoles';
import { Section } from './Section';

/** Proposals and executed restructurings; a pengurus (or a petugas, to be told why not) approves. */
export function CaseRestructurings({ d }: { d: CaseDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [note, setNote] = useState('');
  const decide = useRecoveryWrite((input: { id: number; action: 'approve' | 'reject' }) => `/recovery/restructurings/${input.id}/${input.action}`,
    (input) => (input.action === 'reject' ? { note: note.trim() } : note.trim() ? { note: note.trim() } : {}));
  if (d.restructurings.length === 0) return null;
  return (
    <Section id="restructurings" title={t('recovery.restructuring.title')}>
      <Stack gap="sm">
        {d.restructurings.map((r) => (
          <div key={r.id}>
            <Group gap="xs">
              <Badge variant="light" color={r.status === 'executed' ? 'green' : r.status === 'rejected' ? 'gray' : 'blue'}>{t(`recovery.restructuring.status.${r.status}`)}</Badge>
              <Text size="sm">{t('recovery.restructuring.row', { by: r.proposedBy?.name ?? '—', reason: r.reason })}</Text>
            </Group>
            {r.status === 'executed' ? (
              <Group gap="xs">
                <Text size="sm">{t('recovery.restructuring.executed', { date: formatDate(r.executedOn ?? ''), principal: formatRupiah(r.newPrincipal ?? 0), tenor: r.newTenor ?? 0 })}</Text>
                <Anchor href={documentUrl(d.case.id, 'restructuring', r.id)} size="sm">{t('recovery.restructuring.document')}</Anchor>
              </Group>
            ) : null}
            {r.status === 'proposed' && RECOVERY_WORKERS.includes(me.role) ? (
              <Group align="flex-end" gap="sm" mt="xs">
                <TextInput label={t('recovery.restructuring.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: '1 1 220px' }} />
                <Button color="green" loading={decide.isPending} onClick={() => decide.mutate({ id: r.id, action: 'approve' })}>{t('recovery.restructuring.approve')}</Button>
                {me.role === 'pengurus' ? (
                  <Button color="red" variant="light" disabled={!note.trim()} loading={decide.isPending} onClick={() => decide.mutate({ id: r.id, action: 'reject' })}>
                    {t('recovery.restructuring.reject')}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </div>
        ))}
      </Stack>
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
    </Section>
  );
}
