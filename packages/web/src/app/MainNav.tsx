import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { SessionUser } from '../auth/session';
import { CHANGE_PASSWORD_PATH, navFor } from '../nav';
import { useSignOutAndLeave } from './useSignOutAndLeave';

/** The links this user's role may open, then who is signed in and a sign-out button. */
export function MainNav({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const signOut = useSignOutAndLeave();
  // With a temporary password only one page opens; the menu says so rather than bouncing.
  const links = navFor(user.role).filter(
    (item) => !user.mustChangePassword || item.path === CHANGE_PASSWORD_PATH,
  );

  return (
    <Stack gap={4}>
      {links.map((item) => (
        <NavLink
          key={item.path}
          component={Link}
          to={item.path}
          label={t(item.labelKey)}
          leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
          active={pathname === item.path}
          aria-current={pathname === item.path ? 'page' : undefined}
          variant="light"
          fw={500}
        />
      ))}
      <Divider my="sm" />
      <Stack gap={0} px="sm" pb="xs">
        <Text fz="sm" fw={600}>
          {user.fullName}
        </Text>
        <Text fz="xs" c="dimmed">
          {t(`roles.${user.role}`)}
          {user.cooperative ? ` · ${user.cooperative.name}` : ` · ${t('home.dinas')}`}
        </Text>
      </Stack>
      <NavLink
        component="button"
        label={t('nav.signOut')}
        leftSection={<IconLogout size={20} stroke={1.6} aria-hidden />}
        onClick={signOut}
        fw={500}
      />
    </Stack>
  );
}
