import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import classes from './Brand.module.css';

/** The Simpul knot and name; links home. */
export function Brand({ size = 30 }: { size?: number }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className={classes.brand} aria-label={t('app.homeLink')}>
      <Group gap={8} wrap="nowrap">
        <Logo size={size} />
        <Text fw={700} fz="lg" c="simpul.8" lh={1} aria-hidden>
          Simpul
        </Text>
      </Group>
    </Link>
  );
}

export function Logo({ size = 30 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-simpul-6)" />
      <path
        d="M9 11c0-3 3-4.5 7-4.5s7 1.5 7 4.5-3 4.5-7 5-7 2-7 5 3 4.5 7 4.5 7-1.5 7-4.5"
        fill="none"
        stroke="#fff"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </svg>
  );
}
