import { Alert, Anchor, Button, Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatRupiah } from '../../format';
import { documentUrl, useRecoveryWrite, type CaseDetail } from './recoveryApi';
import { RECOVERY_WORKERS } from './recoveryRoles';
import { Section } from './Section';

/** The off-balance-sheet claim of a written-off loan: recoveries, and hapus tagih on a RAT decision. */
export function CaseClaim({ d }: { d: CaseDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [amount, setAmount] = useState<number | string>('');
  const [receiptNo, setReceiptNo] = useState('');
  const recover = useRecoveryWrite((_: { amount: number; receiptNo: string }) => `/recovery/loans/${d.loan.id}/recoveries`, (input) => input);
  const c = d.claim;
  if (!c) return null;
  const figures: [string, number][] = [
    [t('recovery.claim.writtenOff'), c.writtenOff], [t('recovery.claim.recovered'), c.recovered], [t('recovery.claim.forgiven'), c.forgiven], [t('recovery.claim.remaining'), c.remaining],
  ];
  const live = d.loan.status === 'written_off';
  return (
    <Section id="claim" title={t('recovery.claim.title')}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {figures.map(([label, value]) => (
          <div key={label}><Text size="xs" c="dimmed">{label}</Text><Text fw={700}>{formatRupiah(value)}</Text></div>
        ))}
      </SimpleGrid>
      {live && RECOVERY_WORKERS.includes(me.role) ? (
        <Group align="flex-end" gap="sm" mt="sm">
          <NumberInput label={t('recovery.claim.amount')} value={amount} onChange={setAmount} min={0} thousandSeparator="." decimalSeparator="," allowDecimal={false} w={200} />
          <TextInput label={t('recovery.claim.receiptNo')} value={receiptNo} onChange={(e) => setReceiptNo(e.currentTarget.value)} w={180} />
          <Button loading={recover.isPending} onClick={() => recover.mutate({ amount: Number(amount), receiptNo: receiptNo.trim() }, { onSuccess: () => { setAmount(''); setReceiptNo(''); } })}>
            {t('recovery.claim.record')}
          </Button>
        </Group>
      ) : null}
      {recover.isError ? <ErrorAlert error={recover.error} /> : null}
      {live && me.role === 'pengurus' ? <Forgive d={d} remaining={c.remaining} /> : null}
      {d.forgiveness ? (
        <Group gap="xs" mt="sm">
          <Text>{t('recovery.forgive.done', { date: formatDate(d.forgiveness.forgivenOn), no: d.forgiveness.ratDecisionNo, amount: formatRupiah(d.forgiveness.amount) })}</Text>
          <Anchor href={documentUrl(d.case.id, 'forgiveness')} size="sm">{t('recovery.forgive.document')}</Anchor>
        </Group>
      ) : null}
    </Section>
  );
}

/** Hapus tagih is final: a modal explains the consequence and needs an explicit confirmation. */
function Forgive({ d, remaining }: { d: CaseDetail; remaining: number }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [rat, setRat] = useState({ ratMeetingOn: '', ratDecisionNo: '', membersPresent: '' as number | string, quorum: '' as number | string, confirm: false });
  const forgive = useRecoveryWrite(() => `/recovery/loans/${d.loan.id}/forgiveness`, () => ({
    ...(rat.ratMeetingOn ? { ratMeetingOn: rat.ratMeetingOn } : {}), ...(rat.ratDecisionNo.trim() ? { ratDecisionNo: rat.ratDecisionNo.trim() } : {}),
    ...(rat.membersPresent !== '' ? { membersPresent: Number(rat.membersPresent) } : {}), ...(rat.quorum !== '' ? { quorum: Number(rat.quorum) } : {}), confirm: rat.confirm,
  }));
  return (
    <>
      <Group mt="sm"><Button color="grape" variant="light" onClick={() => setOpened(true)}>{t('recovery.forgive.open')}</Button></Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('recovery.forgive.title')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <Stack gap="sm">
          <Alert color="red" variant="light">{t('recovery.forgive.consequence', { amount: formatRupiah(remaining) })}</Alert>
          <TextInput type="date" label={t('recovery.forgive.ratMeetingOn')} value={rat.ratMeetingOn} onChange={(e) => setRat({ ...rat, ratMeetingOn: e.currentTarget.value })} />
          <TextInput label={t('recovery.forgive.ratDecisionNo')} value={rat.ratDecisionNo} onChange={(e) => setRat({ ...rat, ratDecisionNo: e.currentTarget.value })} />
          <Group grow>
            <NumberInput label={t('recovery.forgive.membersPresent')} value={rat.membersPresent} onChange={(v) => setRat({ ...rat, membersPresent: v })} min={0} allowDecimal={false} />
            <NumberInput label={t('recovery.forgive.quorum')} value={rat.quorum} onChange={(v) => setRat({ ...rat, quorum: v })} min={0} allowDecimal={false} />
          </Group>
          <Checkbox label={t('recovery.forgive.confirm')} checked={rat.confirm} onChange={(e) => setRat({ ...rat, confirm: e.currentTarget.checked })} />
          {forgive.isError ? <ErrorAlert error={forgive.error} /> : null}
          <Button color="grape" loading={forgive.isPending} onClick={() => forgive.mutate(undefined, { onSuccess: () => setOpened(false) })}>{t('recovery.forgive.submit')}</Button>
        </Stack>
      </Modal>
    </>
  );
}
