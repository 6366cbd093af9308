import { Anchor, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EvidenceKind, HealthEvidence } from '../../../../../shared/schemas/insights';

/** Where on the client page each kind of row lives (the sections' own ids). */
const sectionOf: Record<Exclude<EvidenceKind, 'conflict'>, string> = {
  commitment: 'client-timeline',
  interaction: 'client-timeline',
  change_request: 'client-projects',
  payment_item: 'client-money',
  incident: 'client-mistakes',
};

/**
 * The rows behind a signal. A conflict has its own page; the others are grouped by kind and lead
 * to the section of the client page that lists them (the timeline, the money, the projects).
 */
export function HealthEvidenceLinks({ clientId, evidence }: { clientId: string; evidence: HealthEvidence[] }) {
  const { t } = useTranslation();
  if (evidence.length === 0) return null;
  const conflicts = evidence.filter((e) => e.kind === 'conflict');
  const counts = new Map<Exclude<EvidenceKind, 'conflict'>, number>();
  for (const e of evidence) if (e.kind !== 'conflict') counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return (
    <Group gap="xs" wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      <Text component="li" size="xs" c="dimmed">
        {t('health.evidence.label')}
      </Text>
      {[...counts].map(([kind, count]) => (
        <li key={kind}>
          <Anchor size="xs" href={`#${sectionOf[kind]}`}>
            {t(`health.evidence.${kind}`, { count })}
          </Anchor>
        </li>
      ))}
      {conflicts.map((c, index) => (
        <li key={c.id}>
          <Anchor
            size="xs"
            renderRoot={(props) => (
              <Link to="/clients/$clientId/conflicts/$conflictId" params={{ clientId, conflictId: c.id }} {...props} />
            )}
          >
            {t('health.evidence.conflict', { n: index + 1 })}
          </Anchor>
        </li>
      ))}
    </Group>
  );
}
