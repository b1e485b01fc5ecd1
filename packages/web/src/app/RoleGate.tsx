import type { ReactNode } from 'react';
import type { Role } from '../auth/roles';
import { useCurrentUser } from '../auth/session';
import NotFoundPage from '../routes/NotFoundPage';

/** A page the role may not open looks like one that does not exist (nothing leaks). */
export function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  return roles.includes(user.role) ? children : <NotFoundPage />;
}
