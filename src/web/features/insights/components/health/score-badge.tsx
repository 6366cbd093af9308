import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlertIcon, CheckIcon } from '../../../../components/ui/icons';
import { useClientHealth } from '../../api/health-queries';
import { badgeText, bandColor, scoreBand } from './health-words';

/** The score as a word, a number, a colour and an icon (colour is never the only signal). */
export function ScoreBadge({ score, size = 'md' }: { score: number; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const band = scoreBand(score);
  const Icon = band === 'good' ? CheckIcon : AlertIcon;
  return (
    <Badge
      variant="light"
      color={bandColor[band]}
      c={badgeText(bandColor[band])}
      size={size}
      radius="sm"
      tt="none"
      leftSection={<Icon size={14} aria-hidden />}
    >
      {t('health.scoreBadge', { score, band: t(`health.bands.${band}`) })}
    </Badge>
  );
}

/** The client header's compact badge; a tap goes to the health card with its reasons. */
export function ClientScoreBadge({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const health = useClientHealth(clientId, '90');
  if (!health.data) return null;
  return (
    <Tooltip label={t('health.badgeHint')}>
      <a href="#client-health" style={{ textDecoration: 'none' }}>
        <ScoreBadge score={health.data.score.value} size="md" />
      </a>
    </Tooltip>
  );
}
