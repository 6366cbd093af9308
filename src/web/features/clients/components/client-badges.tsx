import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClientStatus, Personality } from '../../../../shared/schemas/clients';

const statusColors: Record<ClientStatus, string> = {
  lead: 'blue',
  active: 'teal',
  paused: 'yellow',
  ended: 'gray',
  let_go: 'red',
};

/** The word is always printed: colour only reinforces it. */
export function StatusBadge({ status, size = 'sm' }: { status: ClientStatus; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" size={size} radius="sm">
      {t(`statuses.${status}`)}
    </Badge>
  );
}

export function PersonalityBadge({ personality, size = 'sm' }: { personality: Personality; size?: 'xs' | 'sm' | 'md' }) {
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
