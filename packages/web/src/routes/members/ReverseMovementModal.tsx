import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/formErrors';
import { formatDate, formatRupiah } from '../../format';
import { useReverseMovement, type StatementLine } from './savingsApi';

/** Reverses a mistaken line with an opposite one; the reason is required and kept. */
export function ReverseMovementModal({
  memberId,
  line,
  onClose,
}: {
  memberId: number;
  line: StatementLine | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const reverse = useReverseMovement(memberId);
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    reverse.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (line) reverse.mutate({ id: line.id, reason: reason.trim() }, { onSuccess: close });
  };
  const errors = fieldErrors(reverse.error, ['reason'] as const);
  return (
    <Modal
      opened={line !== null}
      onClose={close}
      title={t('savings.reverseTitle', { id: line?.id ?? '' })}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {line ? (
            <Text size="sm">
              {formatDate(line.onDate)} · {t(`savings.kinds.${line.kind}`)} ·{' '}
              {t(`savings.directions.${line.direction}`)} {formatRupiah(line.amount)}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('savings.reverseBody')}
          </Text>
          {reverse.isError && !errors.reason ? <ErrorAlert error={reverse.error} /> : null}
          <TextInput
            label={t('savings.reverseReason')}
            required
            data-autofocus
            minLength={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reverse.isPending}>
              {t('savings.reverse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
