import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EvidenceKind, HealthEvidence } from '../../../../../shared/schemas/insights';
import { formatDateTime, formatShortDay } from '../../../../lib/format';
import { currentIntlLocale } from '../../../../lib/i18n';

/** Where on the client page each kind of row lives (the sections' own ids). */
const sectionOf: Record<Exclude<EvidenceKind, 'conflict'>, string> = {
  commitment: 'client-timeline',
  interaction: 'client-timeline',
  change_request: 'client-projects',
  payment_item: 'client-money',
  incident: 'client-mistakes',
};

/** A screenful per signal; the rest is counted (the counts in the reasons are exact anyway). */
const SHOWN = 6;

/** When a row happened: a contact with its hour (after-hours is about the hour), the others by day. */
function whenText(e: HealthEvidence, intl: string, timeZone: string): string {
  if (e.kind === 'interaction') return formatDateTime(e.at, intl, timeZone);
  if (e.kind === 'payment_item') return formatShortDay(e.at, intl, true);
  return new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeZone }).format(new Date(e.at));
}

/**
 * The rows behind a signal, each with when it happened. A conflict has its own page; the others
 * lead to the section of the client page that lists them (the timeline, the money, the projects).
 */
export function HealthEvidenceLinks({
  clientId,
  evidence,
  timeZone,
}: {
  clientId: string;
  evidence: HealthEvidence[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  if (evidence.length === 0) return null;
  const shown = evidence.slice(0, SHOWN);
  return (
    <Stack gap={2} mt={4}>
      <Text size="xs" c="dimmed">
        {t('health.evidence.label')}
      </Text>
      <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {shown.map((e) => {
          const label = t(`health.evidence.row.${e.kind}`, { date: whenText(e, intl, timeZone) });
          return (
            <li key={`${e.reason}-${e.id}`}>
              {e.kind === 'conflict' ? (
                <Anchor
                  size="xs"
                  renderRoot={(props) => (
                    <Link
                      to="/clients/$clientId/conflicts/$conflictId"
                      params={{ clientId, conflictId: e.id }}
                      {...props}
                    />
                  )}
                >
                  {label}
                </Anchor>
              ) : (
                <Anchor size="xs" href={`#${sectionOf[e.kind]}`}>
                  {label}
                </Anchor>
              )}
            </li>
          );
        })}
        {evidence.length > SHOWN && (
          <Text component="li" size="xs" c="dimmed">
            {t('health.evidence.more', { count: evidence.length - SHOWN })}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
