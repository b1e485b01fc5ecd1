import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api';
import { claimEarlyBody } from '../earlyFetch';
import type { Role } from './roles';

export interface CooperativeRef {
  id: number;
  code: string;
  name: string;
}

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  cooperative: CooperativeRef | null;
  mustChangePassword: boolean;
}

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, or null when there is no session (a 401 here is not an error). */
async function fetchSession(): Promise<SessionUser | null> {
  try {
    const { user } = await api<{ user: SessionUser }>('/auth/me', { quiet401: true });
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    // boot.ts asked already; its answer, if in, spares a render with a loader.
    initialData: () => claimEarlyBody<{ user: SessionUser }>('/auth/me')?.user,
    staleTime: 5 * 60_000,
    retry: 1,
  });
}

/** The signed-in user; only for components rendered inside the session gate. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside the session gate');
  return data;
}

export interface Credentials {
  username: string;
  password: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      api<{ user: SessionUser }>('/auth/sign-in', { method: 'POST', body: credentials }),
    onSuccess: ({ user }) => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/sign-out', { method: 'POST', quiet401: true }),
    // Forget everything even if the server is unreachable: the browser must not show data.
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PasswordChange) =>
      api<void>('/auth/change-password', { method: 'POST', body: change }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
