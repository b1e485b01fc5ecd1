import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** A deep teal: shade 6 has 6:1 contrast on white, so filled buttons and links pass WCAG AA. */
const simpul: MantineColorsTuple = [
  '#e6f4f1',
  '#c8e6e0',
  '#98d0c6',
  '#65b8aa',
  '#3ca293',
  '#1d8b7c',
  '#0b6e62',
  '#095c52',
  '#074b43',
  '#053a34',
];

export const theme = createTheme({
  primaryColor: 'simpul',
  primaryShade: 6,
  colors: { simpul },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", Arial, sans-serif',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  cursorType: 'pointer',
});

/**
 * Mantine's light-scheme defaults draw dimmed text, error text and "light" variants (alert
 * titles, badges) in shade 6, which is under 4.5:1 on white for red, green, orange and gray.
 * These darker values keep every text at AA contrast.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': '#b02525',
    '--mantine-color-red-light-color': '#b02525',
    '--mantine-color-green-light-color': '#1f6f32',
    '--mantine-color-orange-light-color': '#a63f0b',
    '--mantine-color-yellow-light-color': '#7a5200',
    '--mantine-color-blue-light-color': '#1864ab',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
    '--mantine-color-simpul-light-color': 'var(--mantine-color-simpul-7)',
  },
  dark: {},
});
