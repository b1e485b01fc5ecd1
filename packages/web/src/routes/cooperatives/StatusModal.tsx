import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/formErrors';
import { useChangeStatus, type Cooperative } from './cooperativesApi';

/** Active ↔ inactive with a reason: kept in the status history with who and when. */
export function StatusModal({ cooperative, onClose }: { cooperative: Cooperative; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangeStatus(cooperative.id);
  const [status, setStatus] = useState<'active' | 'inactive'>(cooperative.activityStatus === 'active' ? 'inactive' : 'active');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(change.error, ['reason'] as const);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ status, reason: reason.trim() }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('supervision.registry.statusTitle', { name: cooperative.name })} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {change.isError && !errors.reason ? <ErrorAlert error={change.error} /> : null}
          <Text size="sm" fw={500} id="status-to">{t('supervision.registry.statusTo')}</Text>
          <SegmentedControl
            aria-labelledby="status-to"
            value={status}
            onChange={(v) => setStatus(v === 'active' ? 'active' : 'inactive')}
            data={[{ value: 'active', label: t('supervision.status.active') }, { value: 'inactive', label: t('supervision.status.inactive') }]}
          />
          <Textarea label={t('supervision.registry.statusReason')} description={t('supervision.registry.statusReasonHint')} required data-autofocus value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={2} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" loading={change.isPending} disabled={reason.trim().length < 3}>{t('app.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
