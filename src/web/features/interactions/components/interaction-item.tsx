import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Interaction } from '../../../../shared/schemas/interactions';
import { UserText } from '../../../components/ui/bidi';
import { CheckIcon, ClockIcon, MoonIcon, QuoteIcon, ReplyIcon, SendIcon } from '../../../components/ui/icons';
import { When } from '../../../components/ui/when';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useWhen } from '../../../lib/use-when';
import { useMarkHandled } from '../api/interaction-queries';
import { ChannelIcon } from './channel-icon';

/** Roughly more than three lines on a phone: worth a "show more". */
function isLong(text: string): boolean {
  return text.length > 160 || text.split('\n').length > 3;
}

type Props = {
  interaction: Interaction;
  timeZone: string;
  now: Date;
  showClient?: boolean;
  onReply?: (interaction: Interaction) => void;
  onSendSummary?: (interaction: Interaction) => void;
};

/** One contact: how, which way, when, what was said; flags for after hours and "waiting for me". */
export function InteractionItem({ interaction, timeZone, now, showClient = false, onReply, onSendSummary }: Props) {
  const { t } = useTranslation();
  const { ago } = useWhen(timeZone);
  const handled = useMarkHandled();
  const when = ago(interaction.occurredAt, now);
  const waiting = interaction.needsReply && interaction.repliedAt === null;
  const hasSummary = Boolean(interaction.agreed || interaction.nextSteps);
  // A meeting is where a quote usually starts (seed 000): write it from what was said there.
  const fromMeeting = interaction.channel === 'meeting';
  const [expanded, { toggle }] = useDisclosure(false);
  const summaryId = useId();

  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap" align="center">
        <Group gap={4} wrap="nowrap" c="dimmed">
          <ChannelIcon channel={interaction.channel} size={16} />
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {t(`channels.${interaction.channel}`)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {interaction.direction === 'in' ? t('interactions.item.incoming') : t('interactions.item.outgoing')}
        </Text>
        <Text size="sm" c="dimmed" aria-hidden="true">
          {t('common.separator')}
        </Text>
        <When text={when.text} exact={when.exact} iso={interaction.occurredAt} c="dimmed" />
        {showClient && (
          <Link
            to="/clients/$clientId"
            params={{ clientId: interaction.clientId }}
            style={{ fontWeight: 600, color: 'var(--mantine-color-mila-8)' }}
          >
            <UserText>{interaction.clientName}</UserText>
          </Link>
        )}
        {interaction.source === 'message' && (
          <Badge size="sm" variant="light" color="mila" c="mila.9" radius="sm" leftSection={<SendIcon size={12} />}>
            {t('interactions.item.sentFromMila')}
          </Badge>
        )}
        {interaction.afterHours && (
          <Badge size="sm" variant="light" color="grape" c="grape.9" radius="sm" leftSection={<MoonIcon size={12} />}>
            {t('interactions.item.afterHours')}
          </Badge>
        )}
        {waiting && (
          <Badge size="sm" variant="light" color="orange" c="dark.7" radius="sm" leftSection={<ClockIcon size={12} />}>
            {t('interactions.item.waiting')}
          </Badge>
        )}
      </Group>
      {interaction.summary && (
        <div>
          <Text
            id={summaryId}
            size="sm"
            dir="auto"
            lineClamp={expanded ? undefined : 3}
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {interaction.summary}
          </Text>
          {isLong(interaction.summary) && (
            <Button
              variant="subtle"
              size="compact-xs"
              px={0}
              onClick={toggle}
              aria-expanded={expanded}
              aria-controls={summaryId}
            >
              {expanded ? t('interactions.item.less') : t('interactions.item.more')}
            </Button>
          )}
        </div>
      )}
      {interaction.agreed && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <Text span fw={600}>
            {t('interactions.item.agreed')}
          </Text>{' '}
          <bdi>{interaction.agreed}</bdi>
        </Text>
      )}
      {interaction.nextSteps && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <Text span fw={600}>
            {t('interactions.item.nextSteps')}
          </Text>{' '}
          <bdi>{interaction.nextSteps}</bdi>
        </Text>
      )}
      {(waiting || fromMeeting || (hasSummary && onSendSummary)) && (
        <Group gap={6} mt={2}>
          {waiting && onReply && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<ReplyIcon size={16} />}
              onClick={() => onReply(interaction)}
            >
              {t('interactions.item.reply')}
            </Button>
          )}
          {waiting && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<CheckIcon size={16} />}
              loading={handled.isPending}
              onClick={() =>
                handled.mutate(interaction.id, {
                  onSuccess: () => notifySuccess(t('interactions.item.handledDone')),
                  onError: notifyError,
                })
              }
            >
              {t('interactions.item.handled')}
            </Button>
          )}
          {hasSummary && onSendSummary && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<SendIcon size={16} />}
              onClick={() => onSendSummary(interaction)}
            >
              {t('interactions.item.sendSummary')}
            </Button>
          )}
          {fromMeeting && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<QuoteIcon size={16} />}
              renderRoot={(props) => (
                <Link
                  to="/quotes/new"
                  search={{ clientId: interaction.clientId, interactionId: interaction.id }}
                  {...props}
                />
              )}
            >
              {t('interactions.item.quoteFromMeeting')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
