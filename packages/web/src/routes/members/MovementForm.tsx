import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { explainedByFields, fieldErrors } from '../../components/formErrors';
import { formatRupiah } from '../../format';
import { currentLanguage } from '../../i18n';
import type { Member } from './membersApi';
import { SAVINGS_KINDS, useRecordMovement, type Direction, type SavingsKind } from './savingsApi';

const FIELDS = ['kind', 'amount', 'onDate', 'reference'] as const;
const DIRECTIONS: readonly Direction[] = ['deposit', 'withdrawal'];

/**
 * Deposit or withdraw. The server enforces the rules (pokok and wajib stay while the member
 * is active, no balance below zero, no deposits after leaving); the form says them up front.
 */
export function MovementForm({ member }: { member: Member }) {
  const { t } = useTranslation();
  const record = useRecordMovement(member.id);
  const active = member.status === 'active';
  const [direction, setDirection] = useState<Direction>(active ? 'deposit' : 'withdrawal');
  const [kind, setKind] = useState<SavingsKind>('wajib');
  const [amount, setAmount] = useState<number | string>('');
  const [onDate, setOnDate] = useState('');
  const [reference, setReference] = useState('');
  const [missingAmount, setMissingAmount] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const separator = currentLanguage() === 'id' ? '.' : ',';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const valid = typeof amount === 'number' && amount > 0;
    setMissingAmount(!valid);
    if (!valid) return;
    const input = {
      direction,
      kind,
      amount,
      onDate: onDate || undefined,
      reference: reference.trim() || undefined,
    };
    record.mutate(input, {
      onSuccess: () => {
        const key = direction === 'deposit' ? 'savings.depositDone' : 'savings.withdrawalDone';
        setDone(t(key, { kind: t(`savings.kinds.${kind}`), amount: formatRupiah(amount) }));
        setAmount('');
        setReference('');
      },
    });
  };
  const errors = fieldErrors(record.error, FIELDS);
  const lockedKind = direction === 'withdrawal' && active && kind !== 'sukarela';

  return (
    <Fieldset legend={t('savings.formTitle')} variant="filled" bg="white">
      <form onSubmit={submit} noValidate aria-label={t('savings.formTitle')}>
        <Stack gap="sm">
          <SegmentedControl
            value={direction}
            onChange={(v) => setDirection(DIRECTIONS.find((d) => d === v) ?? direction)}
            data={DIRECTIONS.map((d) => ({
              value: d,
              label: d === 'deposit' ? t('savings.deposit') : t('savings.withdraw'),
              disabled: d === 'deposit' && !active,
            }))}
            aria-label={t('savings.direction')}
            w="fit-content"
          />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <Select
              label={t('savings.kind')}
              data={SAVINGS_KINDS.map((k) => ({ value: k, label: t(`savings.kinds.${k}`) }))}
              value={kind}
              onChange={(v) => setKind(SAVINGS_KINDS.find((k) => k === v) ?? kind)}
              allowDeselect={false}
              error={errors.kind}
            />
            <NumberInput
              label={t('savings.amount')}
              required
              value={amount}
              onChange={setAmount}
              min={1}
              allowNegative={false}
              allowDecimal={false}
              thousandSeparator={separator}
              decimalSeparator={separator === '.' ? ',' : '.'}
              error={missingAmount ? t('savings.amountRequired') : errors.amount}
            />
            <TextInput
              type="date"
              label={t('savings.onDate')}
              value={onDate}
              onChange={(e) => setOnDate(e.currentTarget.value)}
              error={errors.onDate}
            />
            <TextInput
              label={t('savings.reference')}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              maxLength={100}
              error={errors.reference}
            />
          </SimpleGrid>
          {lockedKind ? (
            <Alert color="yellow" variant="light" p="xs">
              {t('savings.notWithdrawable')}
            </Alert>
          ) : null}
          {!active ? (
            <Text size="sm" c="dimmed">
              {t('savings.inactive')}
            </Text>
          ) : null}
          {record.isError && !explainedByFields(record.error, FIELDS) ? (
            <ErrorAlert error={record.error} />
          ) : null}
          {done ? (
            <Alert color="green" variant="light" role="status">
              {done}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={record.isPending} disabled={lockedKind}>
              {direction === 'deposit' ? t('savings.deposit') : t('savings.withdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Fieldset>
  );
}
