import { type CSSVariablesResolver, type MantineColorsTuple, createTheme } from '@mantine/core';

/** A calm teal; shade 7 carries white text at 6.4:1 and shade 9 sits on shade 1 at 8.8:1 (AA). */
const mila: MantineColorsTuple = [
  '#e7f5f4',
  '#cdebe8',
  '#9fd6d1',
  '#6dbfb8',
  '#45aaa2',
  '#2b958d',
  '#1d7f78',
  '#156a64',
  '#0f5752',
  '#0a433f',
];

const fontFamily = "'Heebo', system-ui, -apple-system, 'Segoe UI', Arial, sans-serif";

export const theme = createTheme({
  primaryColor: 'mila',
  primaryShade: { light: 7, dark: 5 },
  colors: { mila },
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    // Badges carry Hebrew and user text: upper-casing only ever touched the Latin parts.
    Badge: { defaultProps: { tt: 'none' } },
  },
});

/** Mantine's default "dimmed" grey (3.3:1) and error red (3.6:1) fail AA on white; darker ones pass. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
