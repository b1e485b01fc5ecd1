import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDeactivateMember, type Member } from './membersApi';

/** Confirms that a member has left; the server records today as the leaving date. */
export function DeactivateMemberModal({
  member,
  onClose,
}: {
  member: Member | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const deactivate = useDeactivateMember(member?.id ?? 0);
  const close = () => {
    deactivate.reset();
    onClose();
  };
  return (
    <Modal
      opened={member !== null}
      onClose={close}
      title={t('members.deactivate')}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <Stack gap="md">
        {deactivate.isError ? <ErrorAlert error={deactivate.error} /> : null}
        <Text>{t('members.deactivateBody', { name: member?.fullName ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t('app.cancel')}
          </Button>
          <Button
            color="red"
            loading={deactivate.isPending}
            onClick={() => deactivate.mutate(undefined, { onSuccess: close })}
          >
            {t('members.deactivateConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
