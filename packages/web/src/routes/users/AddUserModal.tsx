import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../auth/password';
import { COOPERATIVE_ROLES, isDinasRole, ROLES, type Role } from '../../auth/roles';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { explainedByFields, fieldErrors } from '../../components/formErrors';
import { useCooperatives } from '../cooperatives/cooperativesApi';
import { useAddUser, type NewUser } from './usersApi';

const FIELDS = ['username', 'fullName', 'role', 'cooperativeId', 'password'] as const;
const BY_CODE = {
  username_taken: 'username',
  weak_password: 'password',
  cooperative_required: 'cooperativeId',
} as const;

interface Draft {
  username: string;
  fullName: string;
  role: Role;
  cooperativeId: string | null;
  password: string;
}

const EMPTY: Draft = {
  username: '',
  fullName: '',
  role: 'petugas',
  cooperativeId: null,
  password: '',
};

/**
 * New account. The platform admin picks any role and, for cooperative roles, the cooperative;
 * a pengurus creates accounts for their own cooperative only (the server enforces both).
 */
export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const add = useAddUser();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [localErrors, setLocalErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>(
    {},
  );
  const isAdmin = me.role === 'platform_admin';
  const needsCooperative = isAdmin && !isDinasRole(draft.role);
  const cooperatives = useCooperatives(opened && isAdmin);
  const roles = isAdmin ? ROLES : COOPERATIVE_ROLES;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const close = () => {
    setDraft(EMPTY);
    setLocalErrors({});
    add.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof localErrors = {};
    if (draft.password.length < MIN_PASSWORD_LENGTH)
      found.password = t('password.tooShort', { min: MIN_PASSWORD_LENGTH });
    if (needsCooperative && !draft.cooperativeId)
      found.cooperativeId = t('users.cooperativeRequired');
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    const input: NewUser = {
      username: draft.username.trim(),
      fullName: draft.fullName.trim(),
      role: draft.role,
      password: draft.password,
      ...(needsCooperative && draft.cooperativeId
        ? { cooperativeId: Number(draft.cooperativeId) }
        : {}),
    };
    add.mutate(input, { onSuccess: close });
  };

  const errors = { ...fieldErrors(add.error, FIELDS, BY_CODE), ...localErrors };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('users.add')}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      size="md"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {add.isError && !explainedByFields(add.error, FIELDS, BY_CODE) ? (
            <ErrorAlert error={add.error} />
          ) : null}
          <TextInput
            label={t('users.username')}
            description={t('users.usernameHint')}
            required
            data-autofocus
            autoCapitalize="none"
            spellCheck={false}
            autoComplete="off"
            value={draft.username}
            onChange={(e) => set('username', e.currentTarget.value)}
            error={errors.username}
          />
          <TextInput
            label={t('users.fullName')}
            required
            value={draft.fullName}
            onChange={(e) => set('fullName', e.currentTarget.value)}
            error={errors.fullName}
          />
          <Select
            label={t('users.role')}
            required
            allowDeselect={false}
            data={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
            value={draft.role}
            onChange={(value) => set('role', roles.find((r) => r === value) ?? draft.role)}
            error={errors.role}
          />
          {needsCooperative ? (
            <Select
              label={t('users.cooperative')}
              required
              searchable
              nothingFoundMessage={t('users.noCooperative')}
              data={(cooperatives.data ?? []).map((c) => ({
                value: String(c.id),
                label: `${c.code} — ${c.name}`,
              }))}
              value={draft.cooperativeId}
              onChange={(value) => set('cooperativeId', value)}
              error={errors.cooperativeId}
            />
          ) : null}
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('users.initialPasswordHint', { min: MIN_PASSWORD_LENGTH })}
            required
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errors.password}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
