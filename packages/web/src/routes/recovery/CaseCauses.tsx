import { Alert, Button, Group, List, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRecoveryWrite, type CaseDetail } from './recoveryApi';
import { RECOVERY_WORKERS } from './recoveryRoles';
import { recoveryId } from './i18n';
import { Section } from './Section';

type CauseCode = keyof typeof recoveryId.causes.labels;
const CODES = Object.keys(recoveryId.causes.labels) as CauseCode[];

/** Causes from the taxonomy, with "multiple borrowing elsewhere" offered when the registry shows it. */
export function CaseCauses({ d }: { d: CaseDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [code, setCode] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const add = useRecoveryWrite((_: { code: string; note?: string }) => `/recovery/cases/${d.case.id}/causes`, (input) => input);
  const label = (c: string) => t(`recovery.causes.labels.${c as CauseCode}`);
  const canWrite = RECOVERY_WORKERS.includes(me.role);
  return (
    <Section id="causes" title={t('recovery.causes.title')}>
      {d.causes.length === 0 ? <Text c="dimmed">{t('recovery.causes.none')}</Text> : (
        <List>{d.causes.map((c) => <List.Item key={c.code}><strong>{label(c.code)}</strong>{c.note ? ` — ${c.note}` : ''}</List.Item>)}</List>
      )}
      {d.suggestedCauses.map((s) => (
        <Alert key={s} color="orange" variant="light" mt="sm">
          <Group justify="space-between">
            <span>{t('recovery.causes.suggested', { label: label(s) })}</span>
            {canWrite ? <Button size="xs" onClick={() => add.mutate({ code: s })}>{t('recovery.causes.useSuggestion')}</Button> : null}
          </Group>
        </Alert>
      ))}
      {canWrite ? (
        <Group align="flex-end" mt="sm" gap="sm">
          <Select label={t('recovery.causes.code')} data={CODES.map((c) => ({ value: c, label: label(c) }))} value={code} onChange={setCode} w={300} />
          <TextInput label={t('recovery.causes.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: '1 1 220px' }} />
          <Button disabled={!code} loading={add.isPending}
            onClick={() => code && add.mutate({ code, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => { setCode(null); setNote(''); } })}>
            {t('recovery.causes.add')}
          </Button>
        </Group>
      ) : null}
      {add.isError ? <ErrorAlert error={add.error} /> : null}
    </Section>
  );
}
