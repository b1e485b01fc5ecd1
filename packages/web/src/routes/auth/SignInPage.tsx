import {
  Alert,
  Box,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconClockExclamation, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Logo } from '../../app/Brand';
import { useSession, useSignIn } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { CHANGE_PASSWORD_PATH, SIGN_IN_PATH } from '../../nav';
import { readSignInState } from './locationState';
import classes from './SignInPage.module.css';

export default function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const notice = readSignInState(location.state);
  const session = useSession();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  useEffect(() => {
    document.title = `${t('auth.signIn')} · ${t('app.name')}`;
  }, [t]);

  if (session.isPending) return <FullPageLoader />;
  if (session.data) {
    const next = session.data.mustChangePassword ? CHANGE_PASSWORD_PATH : (notice.from ?? '/');
    return <Navigate to={next === SIGN_IN_PATH ? '/' : next} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ username: username.trim(), password });
  };

  return (
    <Box className={classes.page}>
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Box component="main" className={classes.main}>
        <Paper
          className={classes.card}
          withBorder
          shadow="sm"
          radius="lg"
          p={{ base: 'lg', xs: 'xl' }}
        >
          <Stack gap="lg">
            <Stack gap={6} align="center" ta="center">
              <Logo size={48} />
              <Title order={1} fz={26}>
                {t('auth.signInTitle')}
              </Title>
              <Text c="dimmed" fz="sm">
                {t('app.tagline')}
              </Text>
            </Stack>

            {notice.expired && !signIn.isError ? (
              <Alert
                color="orange"
                variant="light"
                icon={<IconClockExclamation aria-hidden />}
                role="status"
              >
                {t('auth.sessionExpired')}
              </Alert>
            ) : null}
            {notice.signedOut && !signIn.isError ? (
              <Alert
                color="simpul"
                variant="light"
                icon={<IconCircleCheck aria-hidden />}
                role="status"
              >
                {t('auth.signedOut')}
              </Alert>
            ) : null}
            {signIn.isError ? <ErrorAlert error={signIn.error} /> : null}

            <form onSubmit={submit}>
              <Stack gap="md">
                <TextInput
                  label={t('auth.username')}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  size="md"
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                />
                <PasswordInput
                  label={t('auth.password')}
                  name="password"
                  autoComplete="current-password"
                  required
                  size="md"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
                <Button type="submit" size="md" fullWidth loading={signIn.isPending} mt="xs">
                  {t('auth.signIn')}
                </Button>
              </Stack>
            </form>
            <Text fz="xs" c="dimmed" ta="center">
              {t('auth.forgotPassword')}
            </Text>
          </Stack>
        </Paper>
        <Text fz="xs" c="dimmed" ta="center" mt="lg" maw={380}>
          {t('auth.privacyNote')}
        </Text>
      </Box>
    </Box>
  );
}
