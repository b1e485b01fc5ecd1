import { ActionIcon, Anchor, Badge, Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../format';
import { documentUrl, useRecoveryWrite, type AttendeeRole, type CaseDetail } from './recoveryApi';
import { RECOVERY_WORKERS } from './recoveryRoles';
import { Section } from './Section';

const ROLES: AttendeeRole[] = ['member', 'spouse', 'family', 'guarantor', 'other', 'officer'];
interface Draft {
  metOn: string;
  metTime: string;
  place: string;
  attendees: { name: string; role: AttendeeRole }[];
  situation: string;
  outcome: string;
}

/** The visits and meetings, each with its fair-collection verdict, and the form for a new one. */
export function CaseNegotiations({ d }: { d: CaseDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <Section id="negotiations" title={t('recovery.negotiations.title')}>
      <Text size="sm" mb="sm">{t('recovery.negotiations.attempts', { count: d.attempts, required: d.requiredAttempts })}</Text>
      {d.negotiations.length === 0 ? <Text c="dimmed">{t('recovery.negotiations.none')}</Text> : (
        <Stack gap="xs">
          {d.negotiations.map((n) => (
            <div key={n.id}>
              <Group gap="xs">
                <Text fw={600}>{formatDate(n.metOn)} {n.metTime} — {n.place}</Text>
                {n.conductFlags.length === 0 ? <Badge color="green" variant="light">{t('recovery.negotiations.fair')}</Badge>
                  : n.conductFlags.map((f) => <Badge key={f} color="red" variant="light">{t(`recovery.negotiations.flags.${f as 'outside_hours'}`)}</Badge>)}
                <Anchor href={documentUrl(d.case.id, 'berita-acara', n.id)} size="sm">{t('recovery.negotiations.document')}</Anchor>
              </Group>
              <Text size="sm">{n.attendees.map((a) => `${a.name} (${t(`recovery.negotiations.roles.${a.role}`)})`).join(', ')}</Text>
              <Text size="sm" fs="italic">“{n.situation}”</Text>
              <Text size="sm">{n.outcome}</Text>
            </div>
          ))}
        </Stack>
      )}
      {d.case.status === 'open' && RECOVERY_WORKERS.includes(me.role) ? <NegotiationForm caseId={d.case.id} memberName={d.member.fullName} /> : null}
    </Section>
  );
}

function NegotiationForm({ caseId, memberName }: { caseId: number; memberName: string }) {
  const { t } = useTranslation();
  const empty: Draft = { metOn: '', metTime: '', place: '', attendees: [{ name: memberName, role: 'member' }], situation: '', outcome: '' };
  const [draft, setDraft] = useState<Draft>(empty);
  const save = useRecoveryWrite((_: Draft) => `/recovery/cases/${caseId}/negotiations`, (input) => input);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((x) => ({ ...x, [key]: value }));
  const setAttendee = (i: number, patch: Partial<Draft['attendees'][number]>) =>
    set('attendees', draft.attendees.map((a, k) => (k === i ? { ...a, ...patch } : a)));
  return (
    <Stack gap="sm" mt="md">
      <Group gap="sm" align="flex-end">
        <TextInput type="date" label={t('recovery.negotiations.date')} value={draft.metOn} onChange={(e) => set('metOn', e.currentTarget.value)} required />
        <TextInput label={t('recovery.negotiations.time')} value={draft.metTime} onChange={(e) => set('metTime', e.currentTarget.value)} placeholder="10:00" w={120} required />
        <TextInput label={t('recovery.negotiations.place')} value={draft.place} onChange={(e) => set('place', e.currentTarget.value)} style={{ flex: '1 1 200px' }} required />
      </Group>
      {draft.attendees.map((a, i) => (
        <Group key={i} gap="sm" align="flex-end">
          <TextInput label={`${t('recovery.negotiations.attendeeName')} ${i + 1}`} value={a.name} onChange={(e) => setAttendee(i, { name: e.currentTarget.value })} style={{ flex: '1 1 200px' }} />
          <Select label={`${t('recovery.negotiations.attendeeRole')} ${i + 1}`} data={ROLES.map((r) => ({ value: r, label: t(`recovery.negotiations.roles.${r}`) }))}
            value={a.role} onChange={(v) => v && setAttendee(i, { role: v as AttendeeRole })} allowDeselect={false} w={180} />
          {draft.attendees.length > 1 ? (
            <ActionIcon variant="subtle" color="red" aria-label={t('recovery.negotiations.removeAttendee', { name: a.name })} onClick={() => set('attendees', draft.attendees.filter((_, k) => k !== i))} mb={4}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      <Group><Button variant="subtle" onClick={() => set('attendees', [...draft.attendees, { name: '', role: 'family' }])}>{t('recovery.negotiations.addAttendee')}</Button></Group>
      <Textarea label={t('recovery.negotiations.situation')} value={draft.situation} onChange={(e) => set('situation', e.currentTarget.value)} autosize minRows={2} required />
      <Textarea label={t('recovery.negotiations.outcome')} value={draft.outcome} onChange={(e) => set('outcome', e.currentTarget.value)} autosize minRows={2} required />
      <Group>
        <Button loading={save.isPending} onClick={() => save.mutate(draft, { onSuccess: () => setDraft(empty) })}>{t('recovery.negotiations.add')}</Button>
      </Group>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </Stack>
  );
}
