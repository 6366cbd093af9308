import { Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The product name, linking home; `to` is absent on pages outside the signed-in app. */
export function Brand({
  linked,
  nameFromSm = false,
}: {
  linked: boolean;
  /** The phone's header is full: only the mark there. */ nameFromSm?: boolean;
}) {
  const { t } = useTranslation();
  const mark = (
    <Group gap={8} wrap="nowrap">
      <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
        <rect width="28" height="28" rx="8" fill="var(--mantine-color-mila-7)" />
        <path
          d="M8 19V9l6 6 6-6v10"
          stroke="#fff"
          strokeWidth="2.4"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <Text fw={700} size="lg" c="var(--mantine-color-text)" visibleFrom={nameFromSm ? 'sm' : undefined}>
        {t('app.name')}
      </Text>
    </Group>
  );
  return linked ? (
    <Link to="/" aria-label={t('app.home')} style={{ textDecoration: 'none', borderRadius: 8 }}>
      {mark}
    </Link>
  ) : (
    mark
  );
}
