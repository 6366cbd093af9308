import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClientStatus, Personality } from '../../../../shared/schemas/clients';

/** Background hue + a text colour checked for 4.5:1 on it (yellow's own dark shade is too light). */
const statusColors: Record<ClientStatus, { color: string; text: string }> = {
  lead: { color: 'blue', text: 'blue.9' },
  active: { color: 'mila', text: 'mila.9' },
  paused: { color: 'yellow', text: 'dark.7' },
  ended: { color: 'gray', text: 'dark.7' },
  let_go: { color: 'red', text: 'red.9' },
};

/** The word is always printed: colour only reinforces it. */
export function StatusBadge({ status, size = 'sm' }: { status: ClientStatus; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status].color} c={statusColors[status].text} variant="light" size={size} radius="sm">
      {t(`statuses.${status}`)}
    </Badge>
  );
}

export function PersonalityBadge({
  personality,
  size = 'sm',
}: {
  personality: Personality;
  size?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <Badge color="grape" variant="dot" size={size} radius="sm">
      {t(`personalities.${personality}`)}
    </Badge>
  );
}

export function ArchivedBadge({ size = 'sm' }: { size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color="dark" variant="outline" size={size} radius="sm">
      {t('clients.archived')}
    </Badge>
  );
}
