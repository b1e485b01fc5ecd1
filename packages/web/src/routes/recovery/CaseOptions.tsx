import { Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { formatRupiah } from '../../format';
import { useOptions, useRecoveryWrite, type CaseDetail, type Option, type Plan } from './recoveryApi';
import { RECOVERY_WORKERS } from './recoveryRoles';
import { Section } from './Section';

/** Capacity to pay, the five options side by side from the engine, and "propose" on each. */
export function CaseOptions({ d }: { d: CaseDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [income, setIncome] = useState<number | string>('');
  const [expenses, setExpenses] = useState<number | string>('');
  const [tenor, setTenor] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const options = useOptions(d.case.id);
  const propose = useRecoveryWrite((_: { plan: Plan; reason: string }) => `/recovery/cases/${d.case.id}/restructurings`, (input) => input);
  const num = (v: number | string) => (v === '' ? undefined : Number(v));
  const compute = () => {
    const body = { income: num(income), expenses: num(expenses), tenor: num(tenor) };
    options.mutate(Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)));
  };
  const pending = d.restructurings.some((r) => r.status === 'proposed');
  const canPropose = RECOVERY_WORKERS.includes(me.role) && !pending;
  return (
    <Section id="options" title={t('recovery.options.title')}>
      <Group align="flex-end" gap="sm">
        <NumberInput label={t('recovery.options.income')} value={income} onChange={setIncome} min={0} thousandSeparator="." decimalSeparator="," allowDecimal={false} w={200} />
        <NumberInput label={t('recovery.options.expenses')} value={expenses} onChange={setExpenses} min={0} thousandSeparator="." decimalSeparator="," allowDecimal={false} w={200} />
        <NumberInput label={t('recovery.options.tenor')} value={tenor} onChange={setTenor} min={1} max={360} allowDecimal={false} w={200} />
        <Button variant="light" loading={options.isPending} onClick={compute}>{t('recovery.options.compute')}</Button>
      </Group>
      {options.isError ? <ErrorAlert error={options.error} /> : null}
      {options.data ? (
        <Stack gap="sm" mt="md">
          <Text>{t('recovery.options.capacity', { amount: formatRupiah(options.data.capacity.maxInstallment), other: formatRupiah(options.data.capacity.otherInstallments) })}</Text>
          {canPropose ? <TextInput label={t('recovery.options.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} /> : null}
          <OptionsTable items={options.data.options} canPropose={canPropose && reason.trim().length > 0} busy={propose.isPending}
            onPropose={(o) => propose.mutate({ plan: o.plan, reason: reason.trim() }, { onSuccess: () => options.reset() })} />
        </Stack>
      ) : null}
      {propose.isError ? <ErrorAlert error={propose.error} /> : null}
    </Section>
  );
}

function OptionsTable({ items, canPropose, busy, onPropose }: { items: Option[]; canPropose: boolean; busy: boolean; onPropose: (o: Option) => void }) {
  const { t } = useTranslation();
  const col = (k: 'option' | 'principal' | 'tenor' | 'installment' | 'total' | 'difference' | 'fits' | 'action') => t(`recovery.options.columns.${k}`);
  return (
    <TableScroll label={t('recovery.options.title')} minWidth={820}>
      <Table striped verticalSpacing="xs" horizontalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {(['option', 'principal', 'tenor', 'installment', 'total', 'difference', 'fits', 'action'] as const).map((k) => <Table.Th key={k} scope="col">{col(k)}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((o) => {
            const name = t(`recovery.options.keys.${o.key}`);
            return (
              <Table.Tr key={o.key}>
                <Table.Th scope="row">{name}</Table.Th>
                {o.ok ? (
                  <>
                    <Table.Td>{formatRupiah(o.principal)}</Table.Td>
                    <Table.Td>{o.tenor}</Table.Td>
                    <Table.Td>{formatRupiah(o.firstInstallment)}</Table.Td>
                    <Table.Td>{formatRupiah(o.totalCost)}</Table.Td>
                    <Table.Td>{formatRupiah(o.difference)}</Table.Td>
                    <Table.Td>{o.fitsCapacity ? t('recovery.options.yes') : t('recovery.options.no')}</Table.Td>
                    <Table.Td>
                      <Button size="xs" disabled={!canPropose} loading={busy} onClick={() => onPropose(o)}>{t('recovery.options.propose', { option: name })}</Button>
                    </Table.Td>
                  </>
                ) : (
                  <Table.Td colSpan={7}><Text size="sm" c="red">{o.error}</Text></Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
