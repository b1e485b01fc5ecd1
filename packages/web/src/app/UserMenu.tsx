import { useState, type ComponentType } from 'react';
import type { SessionUser } from '../auth/session';
import { AccountButton } from './AccountButton';

type Popover = ComponentType<{ user: SessionUser; opened: boolean; focused: boolean }>;

/**
 * The menu's code (Mantine's Menu and floating-ui, ~10 kB compressed) is not needed to show
 * the first screen, so it is fetched on the first sign of use — pointer over the button, a
 * touch, keyboard focus — and the button works before it arrives: pressed early, the menu
 * opens as soon as its code is in (one round trip on slow 4G).
 */
let popover: Promise<Popover> | undefined;
function loadPopover(): Promise<Popover> {
  popover ??= import('./UserMenuPopover').then((m) => m.UserMenuPopover);
  popover.catch(() => {
    popover = undefined; // offline for a moment: the next use tries again
  });
  return popover;
}

/** Avatar button with the account's name, role, change password and sign out. */
export function UserMenu({ user }: { user: SessionUser }) {
  const [Popover, setPopover] = useState<Popover>();
  const [pressed, setPressed] = useState(false);
  const [focused, setFocused] = useState(false);
  if (Popover) return <Popover user={user} opened={pressed} focused={focused} />;

  const load = () => {
    loadPopover()
      .then((loaded) => setPopover(() => loaded))
      .catch(() => undefined);
  };
  return (
    <AccountButton
      user={user}
      aria-haspopup="menu"
      aria-expanded={false}
      aria-busy={pressed || undefined}
      onPointerEnter={load}
      onTouchStart={load}
      onFocus={() => {
        setFocused(true);
        load();
      }}
      onBlur={() => setFocused(false)}
      onClick={() => {
        setPressed(true);
        load();
      }}
    />
  );
}
