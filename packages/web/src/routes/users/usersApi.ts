import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { Role } from '../../auth/roles';
import type { CooperativeRef } from '../../auth/session';

export interface UserAccount {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  cooperative: CooperativeRef | null;
  disabled: boolean;
}

export interface NewUser {
  username: string;
  fullName: string;
  role: Role;
  cooperativeId?: number;
  password: string;
}

const KEY = ['users'] as const;

/** Accounts the signed-in user may manage: all for the platform admin, own cooperative otherwise. */
export function useUsers() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      api<{ items: UserAccount[] }>('/users', { signal }).then((r) => r.items),
  });
}

export function useAddUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) =>
      api<{ user: UserAccount }>('/users', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDisableUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/users/${id}/disable`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
