import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api';
import { MIN_PASSWORD_LENGTH } from '../../auth/password';
import { useChangePassword, useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/formErrors';
import { PageHeader } from '../../components/PageHeader';

interface FieldErrors {
  currentPassword?: string;
  newPassword?: string;
  confirm?: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const wrongCurrent = t('errors.invalid_current_password');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!currentPassword) found.currentPassword = t('password.currentRequired');
    if (newPassword.length < MIN_PASSWORD_LENGTH)
      found.newPassword = t('password.tooShort', { min: MIN_PASSWORD_LENGTH });
    else if (newPassword === currentPassword) found.newPassword = t('password.sameAsCurrent');
    if (confirm !== newPassword) found.confirm = t('password.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          setConfirm('');
        },
        onError: (error) => setErrors(serverFieldErrors(error, wrongCurrent)),
      },
    );
  };

  const generalError =
    change.isError && !hasAny(serverFieldErrors(change.error, wrongCurrent)) ? change.error : null;

  return (
    <>
      <PageHeader
        title={t('nav.changePassword')}
        lead={t('password.lead', { min: MIN_PASSWORD_LENGTH })}
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={480}>
        <Stack gap="md">
          {user.mustChangePassword ? (
            <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t('password.mustChange')}
            </Alert>
          ) : null}
          {change.isSuccess ? (
            <Alert
              color="green"
              variant="light"
              icon={<IconCircleCheck aria-hidden />}
              role="status"
            >
              {t('password.changed')}{' '}
              <Button component={Link} to="/" variant="subtle" size="compact-sm">
                {t('app.backHome')}
              </Button>
            </Alert>
          ) : null}
          {generalError ? <ErrorAlert error={generalError} /> : null}
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <PasswordInput
                label={t('password.current')}
                autoComplete="current-password"
                required
                value={currentPassword}
                onChange={(e) => setCurrent(e.currentTarget.value)}
                error={errors.currentPassword}
              />
              <PasswordInput
                label={t('password.new')}
                description={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
                autoComplete="new-password"
                required
                value={newPassword}
                onChange={(e) => setNew(e.currentTarget.value)}
                error={errors.newPassword}
              />
              <PasswordInput
                label={t('password.confirm')}
                autoComplete="new-password"
                required
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                error={errors.confirm}
              />
              <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('password.submit')}
              </Button>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </>
  );
}

function hasAny(errors: FieldErrors): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

const FIELDS = ['currentPassword', 'newPassword'] as const;
const BY_CODE = { weak_password: 'newPassword', same_password: 'newPassword' } as const;

function serverFieldErrors(error: unknown, wrongCurrent: string): FieldErrors {
  if (error instanceof ApiError && error.code === 'invalid_credentials')
    return { currentPassword: wrongCurrent };
  return fieldErrors(error, FIELDS, BY_CODE);
}
