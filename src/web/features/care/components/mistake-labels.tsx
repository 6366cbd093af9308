import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentStatus } from '../../../../shared/schemas/care';

/** Colour with a word: an open mistake is not only orange. */
const statusColors: Record<IncidentStatus, { color: string; text: string }> = {
  open: { color: 'orange', text: 'dark.7' },
  fixed: { color: 'mila', text: 'mila.9' },
  closed: { color: 'gray', text: 'dark.7' },
};

export function MistakeStatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status].color} c={statusColors[status].text} variant="light" size="sm" radius="sm">
      {t(`care.mistakes.status.${status}`)}
    </Badge>
  );
}
