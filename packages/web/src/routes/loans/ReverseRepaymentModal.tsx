import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/formErrors';
import { useReverse, type Repayment } from './loansApi';

/** Reversal with a reason: the payment stays on record, marked reversed. */
export function ReverseRepaymentModal({
  loanId,
  repayment,
  onClose,
}: {
  loanId: number;
  repayment: Repayment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const reverse = useReverse(loanId);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(reverse.error, ['reason'] as const);
  const close = () => {
    reverse.reset();
    setReason('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (repayment)
      reverse.mutate({ repaymentId: repayment.id, reason: reason.trim() }, { onSuccess: close });
  };
  return (
    <Modal
      opened={repayment !== null}
      onClose={close}
      title={t('loans.reverse.title', { receiptNo: repayment?.receiptNo ?? '' })}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('loans.reverse.lead')}</Text>
          <TextInput
            label={t('loans.reverse.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-autofocus
          />
          {reverse.isError && !errors.reason ? <ErrorAlert error={reverse.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reverse.isPending}>
              {t('loans.reverse.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
