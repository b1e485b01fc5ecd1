import { Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { FullPageLoader } from '../components/FullPageLoader';
import { CHANGE_PASSWORD_PATH, SIGN_IN_PATH } from '../nav';

/**
 * Renders the signed-in part of the app only with a session; otherwise sends the visitor to
 * sign-in and remembers where they were going. An account with a temporary password sees only
 * the change-password page until it is changed.
 */
export function SessionGate() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();

  if (session.isPending) return <FullPageLoader />;
  if (session.isError) {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={420}>
          <ErrorAlert error={session.error} title={t('errors.sessionCheckFailed')} />
          <Button onClick={() => void session.refetch()}>{t('app.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!session.data)
    return <Navigate to={SIGN_IN_PATH} replace state={{ from: location.pathname }} />;
  if (session.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}
