import { Badge, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatRupiah } from '../../format';
import { useRecoveryWrite, type CaseDetail } from './recoveryApi';
import { RECOVERY_WORKERS } from './recoveryRoles';
import { Section } from './Section';

const COLOR = { pending: 'blue', kept: 'green', broken: 'red' } as const;

/** Promises to pay with their kept/broken status (decided by the server from repayments). */
export function CasePromises({ d }: { d: CaseDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [amount, setAmount] = useState<number | string>('');
  const [dueOn, setDueOn] = useState('');
  const add = useRecoveryWrite((_: { amount: number; dueOn: string }) => `/recovery/cases/${d.case.id}/promises`, (input) => input);
  return (
    <Section id="promises" title={t('recovery.promises.title')}>
      {d.promises.length === 0 ? <Text c="dimmed">{t('recovery.promises.none')}</Text> : (
        <Stack gap={4}>
          {d.promises.map((p) => (
            <Group key={p.id} gap="xs">
              <Badge color={COLOR[p.status]} variant="light">{t(`recovery.promises.status.${p.status}`)}</Badge>
              <Text size="sm">{t('recovery.promises.row', { amount: formatRupiah(p.amount), date: formatDate(p.dueOn), paid: formatRupiah(p.paid) })}</Text>
            </Group>
          ))}
        </Stack>
      )}
      {d.case.status === 'open' && RECOVERY_WORKERS.includes(me.role) ? (
        <Group align="flex-end" gap="sm" mt="sm">
          <NumberInput label={t('recovery.promises.amount')} value={amount} onChange={setAmount} min={0} thousandSeparator="." decimalSeparator="," allowDecimal={false} w={200} />
          <TextInput type="date" label={t('recovery.promises.dueOn')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} />
          <Button loading={add.isPending} onClick={() => add.mutate({ amount: Number(amount), dueOn }, { onSuccess: () => { setAmount(''); setDueOn(''); } })}>
            {t('recovery.promises.add')}
          </Button>
        </Group>
      ) : null}
      {add.isError ? <ErrorAlert error={add.error} /> : null}
    </Section>
  );
}
