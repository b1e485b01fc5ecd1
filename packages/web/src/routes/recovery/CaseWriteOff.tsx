import { Alert, Anchor, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatRupiah } from '../../format';
import { documentUrl, useRecoveryWrite, useWriteOffCheck, type CaseDetail } from './recoveryApi';
import { RECOVERY_WORKERS } from './recoveryRoles';
import { Section } from './Section';

/** Hapus buku: the live eligibility check, the proposal, the pengurus's decision and the pengawas's review. */
export function CaseWriteOff({ d }: { d: CaseDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const open = d.case.status === 'open' && d.state !== null;
  const check = useWriteOffCheck(d.case.id, open);
  const [reason, setReason] = useState('');
  const propose = useRecoveryWrite((_: { reason: string }) => `/recovery/cases/${d.case.id}/write-offs`, (input) => input);
  const step = useRecoveryWrite((input: { id: number; path: 'decide' | 'review'; body: Record<string, boolean> }) => `/recovery/write-offs/${input.id}/${input.path}`, (input) => input.body);
  const inProgress = d.writeOffs.some((w) => w.status === 'proposed' || w.status === 'decided');
  if (!open && d.writeOffs.length === 0) return null;
  const e = check.data;
  return (
    <Section id="write-off" title={t('recovery.writeOff.title')}>
      <Stack gap="sm">
        {e ? (
          <Alert color={e.eligible ? 'green' : 'gray'} variant="light">
            {t('recovery.writeOff.check', { classCode: e.classCode, worst: e.worstClassCode, allowance: formatRupiah(e.allowance), outstanding: formatRupiah(e.outstanding), attempts: e.attempts, required: e.requiredAttempts })}
            {e.eligible ? ` ${t('recovery.writeOff.eligible')}` : ''}
          </Alert>
        ) : null}
        {d.writeOffs.map((w) => (
          <Group key={w.id} gap="xs">
            <Badge variant="light" color={w.status === 'executed' ? 'red' : w.status === 'rejected' ? 'gray' : 'blue'}>{t(`recovery.writeOff.status.${w.status}`)}</Badge>
            <Text size="sm">{w.reason}</Text>
            {w.status === 'proposed' && RECOVERY_WORKERS.includes(me.role) ? (
              <>
                <Button size="xs" color="green" loading={step.isPending} onClick={() => step.mutate({ id: w.id, path: 'decide', body: { approve: true } })}>{t('recovery.writeOff.approve')}</Button>
                <Button size="xs" color="red" variant="light" loading={step.isPending} onClick={() => step.mutate({ id: w.id, path: 'decide', body: { approve: false } })}>{t('recovery.writeOff.refuse')}</Button>
              </>
            ) : null}
            {w.status === 'decided' && me.role === 'pengawas' ? (
              <>
                <Button size="xs" color="red" loading={step.isPending} onClick={() => step.mutate({ id: w.id, path: 'review', body: { agree: true } })}>{t('recovery.writeOff.agree')}</Button>
                <Button size="xs" variant="light" loading={step.isPending} onClick={() => step.mutate({ id: w.id, path: 'review', body: { agree: false } })}>{t('recovery.writeOff.object')}</Button>
              </>
            ) : null}
            {w.status === 'executed' ? <Anchor href={documentUrl(d.case.id, 'write-off', w.id)} size="sm">{t('recovery.writeOff.document')}</Anchor> : null}
          </Group>
        ))}
        {open && !inProgress && RECOVERY_WORKERS.includes(me.role) ? (
          <Group align="flex-end" gap="sm">
            <TextInput label={t('recovery.writeOff.reason')} value={reason} onChange={(ev) => setReason(ev.currentTarget.value)} style={{ flex: '1 1 260px' }} />
            <Button color="red" variant="light" disabled={!reason.trim()} loading={propose.isPending} onClick={() => propose.mutate({ reason: reason.trim() }, { onSuccess: () => setReason('') })}>
              {t('recovery.writeOff.propose')}
            </Button>
          </Group>
        ) : null}
        {propose.isError ? <ErrorAlert error={propose.error} /> : null}
        {step.isError ? <ErrorAlert error={step.error} /> : null}
      </Stack>
    </Section>
  );
}
