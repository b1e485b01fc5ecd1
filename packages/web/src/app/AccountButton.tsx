import { Avatar, UnstyledButton } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../auth/session';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

/**
 * The avatar button that opens the account menu: the same element before the menu's code has
 * arrived (UserMenu.tsx) and as the menu's target (UserMenuPopover.tsx), which adds its ref,
 * ARIA state and handlers through the props.
 */
export function AccountButton({ user, ...props }: { user: SessionUser } & ComponentPropsWithRef<'button'>) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      aria-label={t('app.accountMenu', { name: user.fullName })}
      style={{ borderRadius: '50%' }}
      {...props}
    >
      <Avatar color="simpul" variant="filled" radius="xl" size={36}>
        {initials(user.fullName)}
      </Avatar>
    </UnstyledButton>
  );
}
