import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { InsightsOverview } from '../../../../../shared/schemas/insights';
import { LightbulbIcon } from '../../../../components/ui/icons';
import { SectionCard } from '../../../../components/ui/section-card';
import { currentIntlLocale } from '../../../../lib/i18n';
import { formatList } from '../../../../lib/format';
import { hoursText, signalName } from './health-words';
import { ScoreBadge } from './score-badge';

/** The ten clients who take the most time and contacts, each with the suggested next step and why. */
export function EnergyList({ overview }: { overview: InsightsOverview }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const rows = overview.costsMostEnergy;
  return (
    <SectionCard id="insights-energy" title={t('health.energy.title')} icon={<LightbulbIcon size={20} />}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('health.energy.intro')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{t('health.energy.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((r) => (
            <Paper component="li" key={r.clientId} withBorder radius="sm" p="sm">
              <Group justify="space-between" gap="xs" wrap="wrap" mb={4}>
                <Anchor
                  fw={600}
                  renderRoot={(p) => <Link to="/clients/$clientId" params={{ clientId: r.clientId }} {...p} />}
                >
                  <bdi>{r.clientName}</bdi>
                </Anchor>
                <ScoreBadge score={r.score} size="sm" />
              </Group>
              <Text size="sm" c="dimmed">
                {t('health.energy.effort', {
                  hours: hoursText(Math.round(r.hours * 60), t),
                  contacts: t('health.energy.contacts', { count: r.contacts }),
                })}
              </Text>
              <Text size="sm" fw={600} mt={4}>
                {t('health.energy.nextStep', { step: t(`health.energy.steps.${r.nextStep}`) })}
              </Text>
              <Text size="sm">{t(`health.energy.hints.${r.nextStep}`)}</Text>
              {r.because.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('health.energy.because', {
                    signals: formatList(
                      r.because.map((s) => signalName(s, t)),
                      intl,
                    ),
                  })}
                </Text>
              )}
              {r.nextStep === 'conflict_worksheet' && (
                <Button
                  mt="xs"
                  size="compact-sm"
                  variant="light"
                  renderRoot={(p) => (
                    <Link to="/clients/$clientId/conflicts/new" params={{ clientId: r.clientId }} {...p} />
                  )}
                >
                  {t('health.energy.openWorksheet')}
                  <span className="visually-hidden"> {r.clientName}</span>
                </Button>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
