import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { explainedByFields, fieldErrors } from '../../components/formErrors';
import { formatRupiah } from '../../format';
import { useRepay, type Channel, type LoanDetail } from './loansApi';

const FIELDS = ['amount', 'paidOn', 'receiptNo', 'channel'] as const;
const BY_CODE = {
  amount_not_positive: 'amount',
  amount_above_payoff: 'amount',
  receipt_taken: 'receiptNo',
  date_after_today: 'paidOn',
  repayment_before_disbursement: 'paidOn',
} as const;

/** Terima angsuran: amount (one instalment or the payoff at a click), date, cash or transfer, receipt number. */
export function RepaymentForm({ detail }: { detail: LoanDetail }) {
  const { t } = useTranslation();
  const repay = useRepay(detail.loan.id);
  const [amount, setAmount] = useState<number | string>('');
  const [paidOn, setPaidOn] = useState(detail.businessDate);
  const [channel, setChannel] = useState<Channel>('cash');
  const [receiptNo, setReceiptNo] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const errors = fieldErrors(repay.error, FIELDS, BY_CODE);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const value = typeof amount === 'number' ? amount : 0;
    repay.mutate(
      { amount: value, paidOn, channel, receiptNo: receiptNo.trim() },
      {
        onSuccess: (next) => {
          setSaved(
            next.loan.status === 'settled'
              ? t('loans.repay.settled')
              : t('loans.repay.saved', {
                  amount: formatRupiah(value),
                  outstanding: formatRupiah(next.loan.state.outstandingPrincipal),
                }),
          );
          setAmount('');
          setReceiptNo('');
        },
      },
    );
  };

  const installment = detail.loan.installmentAmount;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="repay-title">
      <Title order={2} size="h4" id="repay-title" mb="sm">
        {t('loans.repay.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('loans.repay.amount')}
              required
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              value={amount}
              onChange={setAmount}
              error={errors.amount}
            />
            <TextInput
              type="date"
              label={t('loans.repay.paidOn')}
              required
              value={paidOn}
              max={detail.businessDate}
              onChange={(e) => setPaidOn(e.currentTarget.value)}
              error={errors.paidOn}
            />
            <TextInput
              label={t('loans.repay.receiptNo')}
              required
              value={receiptNo}
              onChange={(e) => setReceiptNo(e.currentTarget.value)}
              error={errors.receiptNo}
            />
            <div>
              <SegmentedControl
                aria-label={t('loans.repay.channel')}
                value={channel}
                onChange={(v) => setChannel(v === 'transfer' ? 'transfer' : 'cash')}
                data={[
                  { value: 'cash', label: t('loans.repay.channels.cash') },
                  { value: 'transfer', label: t('loans.repay.channels.transfer') },
                ]}
                mt={24}
              />
            </div>
          </SimpleGrid>
          <Group gap="xs">
            {installment !== null ? (
              <Button size="compact-sm" variant="default" onClick={() => setAmount(installment)}>
                {t('loans.repay.fillInstallment', { amount: formatRupiah(installment) })}
              </Button>
            ) : null}
            {detail.payoffAmount !== null ? (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => setAmount(detail.payoffAmount ?? '')}
              >
                {t('loans.repay.fillPayoff', { amount: formatRupiah(detail.payoffAmount) })}
              </Button>
            ) : null}
          </Group>
          {repay.isError && !explainedByFields(repay.error, FIELDS, BY_CODE) ? (
            <ErrorAlert error={repay.error} />
          ) : null}
          {saved ? (
            <Alert color="green" variant="light" role="status">
              {saved}
            </Alert>
          ) : null}
          <Button type="submit" loading={repay.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('loans.repay.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
