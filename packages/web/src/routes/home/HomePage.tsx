import {
  Badge,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconBuildingCommunity, IconId, IconUserShield } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { navFor } from '../../nav';
import classes from './HomePage.module.css';

/** Who am I, for which cooperative, in which role, and where I can go from here. */
export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const shortcuts = navFor(user.role).filter((item) => item.path !== '/');

  return (
    <>
      <PageHeader title={t('home.welcome', { name: user.fullName })} lead={t('home.lead')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <InfoCard icon={<IconId aria-hidden />} label={t('home.account')}>
          <Text fw={600}>{user.fullName}</Text>
          <Text fz="sm" c="dimmed" data-testid="home-username">
            {user.username}
          </Text>
        </InfoCard>
        <InfoCard icon={<IconUserShield aria-hidden />} label={t('home.role')}>
          <Group gap="xs">
            <Text fw={600} data-testid="home-role">
              {t(`roles.${user.role}`)}
            </Text>
          </Group>
          <Text fz="sm" c="dimmed">
            {t(`roleDescriptions.${user.role}`)}
          </Text>
        </InfoCard>
        <InfoCard icon={<IconBuildingCommunity aria-hidden />} label={t('home.cooperative')}>
          {user.cooperative ? (
            <>
              <Text fw={600} data-testid="home-cooperative">
                {user.cooperative.name}
              </Text>
              <Badge variant="light" color="gray" radius="sm">
                {user.cooperative.code}
              </Badge>
            </>
          ) : (
            <>
              <Text fw={600} data-testid="home-cooperative">
                {t('home.dinas')}
              </Text>
              <Text fz="sm" c="dimmed">
                {t('home.allCooperatives')}
              </Text>
            </>
          )}
        </InfoCard>
      </SimpleGrid>

      {shortcuts.length > 0 ? (
        <Stack gap="sm" mt="xl">
          <Title order={2} fz="lg">
            {t('home.shortcuts')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            {shortcuts.map((item) => (
              <UnstyledButton
                key={item.path}
                component={Link}
                to={item.path}
                className={classes.shortcut}
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <ThemeIcon variant="light" size={40} radius="md">
                    <item.icon size={22} stroke={1.6} aria-hidden />
                  </ThemeIcon>
                  <Stack gap={2}>
                    <Text fw={600}>{t(item.labelKey)}</Text>
                    <Text fz="sm" c="dimmed">
                      {t(item.descriptionKey)}
                    </Text>
                  </Stack>
                </Group>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
    </>
  );
}

function InfoCard({
  icon,
  label,
  children,
}: {
  icon: ReactNode;
  label: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg">
      <Group gap="xs" mb="xs" c="dimmed">
        {icon}
        <Text fz="sm" fw={500} tt="uppercase" lts={0.4} c="dimmed">
          {label}
        </Text>
      </Group>
      <Stack gap={4} align="flex-start">
        {children}
      </Stack>
    </Card>
  );
}
