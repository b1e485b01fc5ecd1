import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

export type MemberStatus = 'active' | 'inactive';
export type Sex = 'M' | 'F';

/** A member list row (nothing decrypted). */
export interface MemberSummary {
  id: number;
  memberNo: string;
  fullName: string;
  birthDate: string;
  status: MemberStatus;
  joinedOn: string;
}

/** A member as their own cooperative sees them, personal fields decrypted by the server. */
export interface Member extends MemberSummary {
  nik: string;
  sex: Sex;
  phone: string | null;
  address: string | null;
  monthlyIncome: number | null;
  kecamatanCode: string | null;
  kecamatanName: string | null;
  leftOn: string | null;
}

/** A note the officer should look at; the server already translated it. */
export interface Warning {
  code: string;
  message: string;
}

export interface NewMember {
  fullName: string;
  nik: string;
  memberNo?: string;
  birthDate?: string;
  phone?: string;
  address?: string;
  monthlyIncome?: number;
  kecamatanCode?: string;
  joinedOn?: string;
}

/** An edit: only the fields that changed; null empties an optional field. */
export interface MemberPatch {
  fullName?: string;
  nik?: string;
  birthDate?: string;
  phone?: string | null;
  address?: string | null;
  monthlyIncome?: number | null;
  kecamatanCode?: string | null;
}

export interface NikCheck {
  birthDate: string;
  sex: Sex;
  warnings: Warning[];
  existingMemberId: number | null;
}

export interface MemberQuery {
  q: string;
  status: MemberStatus | '';
  /** Zero-based page of `MEMBERS_PER_PAGE` rows. */
  page: number;
}

export const MEMBERS_PER_PAGE = 50;

const KEY = ['members'] as const;
export const memberKey = (id: number) => [...KEY, id] as const;

export function useMembers(query: MemberQuery) {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.status) params.set('status', query.status);
  params.set('limit', String(MEMBERS_PER_PAGE));
  params.set('offset', String(query.page * MEMBERS_PER_PAGE));
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: ({ signal }) =>
      api<{ items: MemberSummary[]; total: number }>(`/members?${params}`, { signal }),
  });
}

export function useMember(id: number) {
  return useQuery({
    queryKey: memberKey(id),
    queryFn: ({ signal }) =>
      api<{ member: Member }>(`/members/${id}`, { signal }).then((r) => r.member),
  });
}

export function useRegisterMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewMember) =>
      api<{ member: Member; warnings: Warning[] }>('/members', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCheckNik() {
  return useMutation({
    mutationFn: (input: { nik: string; birthDate?: string }) =>
      api<NikCheck>('/members/nik-check', { method: 'POST', body: input }),
  });
}

export function useUpdateMember(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: MemberPatch) =>
      api<{ member: Member; warnings: Warning[] }>(`/members/${id}`, {
        method: 'PATCH',
        body: patch,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeactivateMember(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ member: Member }>(`/members/${id}/deactivate`, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
