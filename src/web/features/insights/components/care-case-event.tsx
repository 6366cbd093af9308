import { Anchor, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../../components/ui/bidi';
import { AlertIcon, CheckIcon, HandshakeIcon } from '../../../components/ui/icons';
import type { TimelineCareEvent } from './timeline-entries';

/**
 * A mistake or a conflict as a line on the client's timeline, so the story of the relationship
 * reads in one place: what went wrong, when it was fixed, how a disagreement ended.
 */
export function CareCaseEvent({ event }: { event: TimelineCareEvent }) {
  const { t } = useTranslation();
  const done = event.step !== 'recorded' && event.step !== 'opened';
  const Icon = done ? CheckIcon : event.kind === 'mistake' ? AlertIcon : HandshakeIcon;
  const headline =
    event.kind === 'mistake' ? t(`timeline.care.mistake.${event.step}`) : t(`timeline.care.conflict.${event.step}`);
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Text c={done ? 'teal' : 'dimmed'} mt={2} component="span">
        <Icon size={18} />
      </Text>
      <div style={{ minInlineSize: 0 }}>
        <Text size="sm" fw={600}>
          {headline}
        </Text>
        {event.kind === 'mistake' ? (
          <>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <UserText>{event.incident.title}</UserText>
            </Text>
            {event.step === 'recorded' && event.incident.prevention && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('care.mistakes.preventionShort')} <UserText>{event.incident.prevention}</UserText>
              </Text>
            )}
          </>
        ) : (
          <>
            <Anchor
              size="sm"
              renderRoot={(props) => (
                <Link
                  to="/clients/$clientId/conflicts/$conflictId"
                  params={{ clientId: event.conflict.clientId, conflictId: event.conflict.id }}
                  {...props}
                />
              )}
            >
              {t('timeline.care.conflict.topic', { topic: t(`care.conflicts.topic.${event.conflict.topic}`) })}
            </Anchor>
            {event.step === 'resolved' && event.conflict.outcome && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                <UserText>{event.conflict.outcome}</UserText>
              </Text>
            )}
          </>
        )}
      </div>
    </Group>
  );
}
