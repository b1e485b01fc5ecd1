import { Menu, Text } from '@mantine/core';
import { IconKey, IconLogout } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '../auth/session';
import { CHANGE_PASSWORD_PATH } from '../nav';
import { AccountButton } from './AccountButton';
import { useSignOutAndLeave } from './useSignOutAndLeave';

/**
 * The account menu itself: name, role, change password and sign out. Its own chunk with
 * Mantine's Menu and the positioning library under it (floating-ui), loaded by UserMenu.tsx on
 * first use, off the first screen's critical path.
 */
export function UserMenuPopover({ user, opened, focused }: { user: SessionUser; opened: boolean; focused: boolean }) {
  const { t } = useTranslation();
  const signOut = useSignOutAndLeave();
  const target = useRef<HTMLButtonElement>(null);
  // This button replaces the one the visitor focused or pressed while the menu loaded: keep
  // the keyboard focus where it was, and replay the press through the menu's own toggle (not
  // `defaultOpened`, which opens it without noting where focus returns on Escape).
  const [atMount] = useState({ focused, opened });
  const replayed = useRef(false); // once, even when StrictMode runs the effect twice
  useEffect(() => {
    if (replayed.current) return;
    replayed.current = true;
    if (atMount.focused) target.current?.focus();
    if (atMount.opened) target.current?.click();
  }, [atMount]);

  return (
    <Menu position="bottom-end" width={240} withArrow>
      <Menu.Target>
        <AccountButton user={user} ref={target} />
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
