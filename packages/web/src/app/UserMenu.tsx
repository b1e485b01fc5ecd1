import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconKey, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '../auth/session';
import { CHANGE_PASSWORD_PATH } from '../nav';
import { useSignOutAndLeave } from './useSignOutAndLeave';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

/** Avatar button with the account's name, role, change password and sign out. */
export function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const signOut = useSignOutAndLeave();

  return (
    <Menu position="bottom-end" width={240} withArrow>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('app.accountMenu', { name: user.fullName })}
          style={{ borderRadius: '50%' }}
        >
          <Avatar color="simpul" variant="filled" radius="xl" size={36}>
            {initials(user.fullName)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fz="sm" fw={600} c="var(--mantine-color-text)">
            {user.fullName}
          </Text>
          <Text fz="xs" c="dimmed">
            {user.username} · {t(`roles.${user.role}`)}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          component={Link}
          to={CHANGE_PASSWORD_PATH}
          leftSection={<IconKey size={16} aria-hidden />}
        >
          {t('nav.changePassword')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
