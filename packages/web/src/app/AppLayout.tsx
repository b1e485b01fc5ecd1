import { AppShell, Burger, Container, Group, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/session';
import { FullPageLoader } from '../components/FullPageLoader';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NAV } from '../nav';
import classes from './AppLayout.module.css';
import { Brand } from './Brand';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

/** Header, role-based navigation (a drawer behind a burger on phones) and the page. */
export default function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  useEffect(close, [location.pathname, close]);
  usePageTitle(location.pathname);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('app.closeMenu') : t('app.openMenu')}
              aria-expanded={opened}
              aria-controls="main-nav"
            />
            <Brand />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id="main-nav"
        aria-label={t('app.mainNavigation')}
        className={classes.navbar}
        data-closed={opened ? undefined : true}
      >
        <AppShell.Section grow component={ScrollArea} p="sm">
          <MainNav user={user} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} bg="var(--mantine-color-gray-0)">
        <Container size="lg" px={0}>
          <Suspense fallback={<FullPageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

function usePageTitle(pathname: string) {
  const { t } = useTranslation();
  const item = NAV.find((i) => i.path === pathname);
  const title = item ? `${t(item.labelKey)} · ${t('app.name')}` : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
