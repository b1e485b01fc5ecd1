import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDisableUser, type UserAccount } from './usersApi';

/** Asks before disabling: the person can no longer sign in. */
export function DisableUserModal({
  user,
  onClose,
}: {
  user: UserAccount | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const disable = useDisableUser();
  const close = () => {
    disable.reset();
    onClose();
  };

  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={t('users.disableTitle')}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <Stack gap="md">
        <Text>
          {t('users.disableConfirm', {
            name: user?.fullName ?? '',
            username: user?.username ?? '',
          })}
        </Text>
        {disable.isError ? <ErrorAlert error={disable.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('app.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={disable.isPending}
            onClick={() => user && disable.mutate(user.id, { onSuccess: close })}
          >
            {t('users.disable')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
