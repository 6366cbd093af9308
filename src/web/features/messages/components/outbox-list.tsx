import { Alert, Badge, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../components/ui/dialog-flow';
import { Ltr, UserText } from '../../../components/ui/bidi';
import { AlertIcon, CheckIcon, ClockIcon, InboxIcon } from '../../../components/ui/icons';
import { formatExact } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import type { OutboxItem } from '../api/messages-api';
import { useOutbox } from '../api/message-queries';

const STATUS_LOOK = {
  pending: { color: 'yellow', text: 'dark.7', icon: ClockIcon },
  sent: { color: 'mila', text: 'mila.9', icon: CheckIcon },
  failed: { color: 'red', text: 'red.9', icon: AlertIcon },
} as const;
type KnownStatus = keyof typeof STATUS_LOOK;
const PURPOSES = ['client_message', 'digest'] as const;

function isKnownStatus(status: string): status is KnownStatus {
  return Object.hasOwn(STATUS_LOOK, status);
}

function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isKnownStatus(status)) return <Badge variant="outline">{status}</Badge>;
  const { color, text, icon: Icon } = STATUS_LOOK[status];
  return (
    <Badge color={color} c={text} variant="light" radius="sm" leftSection={<Icon size={12} />}>
      {t(`messages.outbox.statuses.${status}`)}
    </Badge>
  );
}

/** Recent e-mail and whether it left: a send is never lost, and a failure says why. */
/** A mail server's host:port ("smtp.example.com:587") never breaks across lines. */
export function keepHostsWhole(text: string): ReactNode[] {
  return text.split(/([\w.-]+:\d{1,5})/).map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} style={{ whiteSpace: 'nowrap' }}>
        {part}
      </span>
    ) : (
      part
    ),
  );
}

export function OutboxList({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const outbox = useOutbox();
  const isPhone = useIsPhone();
  const intlLocale = currentIntlLocale();
  const purpose = (value: string) => {
    const known = PURPOSES.find((p) => p === value);
    return known ? t(`messages.outbox.purposes.${known}`) : value;
  };
  const when = (item: OutboxItem) =>
    item.sentAt
      ? t('messages.outbox.sentAt', { when: formatExact(item.sentAt, intlLocale, timeZone) })
      : item.status === 'pending'
        ? t('messages.outbox.nextAttempt', { when: formatExact(item.nextAttemptAt, intlLocale, timeZone) })
        : '';

  if (outbox.isError) return <Text c="var(--mantine-color-error)">{outbox.error.message}</Text>;
  if (!outbox.data) return <Skeleton height={120} />;
  const items = outbox.data;
  const failed = items.filter((item) => item.status === 'failed').length;

  return (
    <Stack gap="sm">
      {failed > 0 && (
        <Alert color="red" icon={<AlertIcon />}>
          {t('messages.outbox.failedCount', { count: failed })}
        </Alert>
      )}
      {items.length === 0 ? (
        <Stack align="center" gap={4} py="md" c="dimmed">
          <InboxIcon size={28} />
          <Text size="sm">{t('messages.outbox.empty')}</Text>
        </Stack>
      ) : isPhone ? (
        <Stack
          gap="xs"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('messages.outbox.title')}
        >
          {items.map((item) => (
            <li key={item.id} style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-2)', paddingBlockEnd: 8 }}>
              <StatusBadge status={item.status} />
              <Text size="sm" fw={600} mt={4} dir="auto">
                {item.subject}
              </Text>
              <Text size="sm">
                <Ltr>{item.recipient}</Ltr>
              </Text>
              <Text size="xs" c="dimmed">
                {purpose(item.purpose)}
                {t('common.separator')}
                {t('messages.outbox.attempts', { count: item.attempts })}
                {when(item) ? `${t('common.separator')}${when(item)}` : ''}
              </Text>
              {item.lastError && (
                <Text size="xs" c="red.9">
                  <Ltr>{keepHostsWhole(item.lastError)}</Ltr>
                </Text>
              )}
            </li>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer
          minWidth={640}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('messages.outbox.title')}
        >
          <Table verticalSpacing="xs" striped aria-label={t('messages.outbox.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('messages.outbox.status')}</Table.Th>
                <Table.Th>{t('messages.outbox.recipient')}</Table.Th>
                <Table.Th>{t('messages.outbox.subject')}</Table.Th>
                <Table.Th>{t('messages.outbox.kind')}</Table.Th>
                <Table.Th>{t('messages.outbox.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <StatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>
                    <Ltr>{item.recipient}</Ltr>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <UserText>{item.subject}</UserText>
                    </Text>
                    {item.lastError && (
                      <Text size="xs" c="red.9">
                        <Ltr>{keepHostsWhole(item.lastError)}</Ltr>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{purpose(item.purpose)}</Text>
                    <Text size="xs" c="dimmed">
                      {t('messages.outbox.attempts', { count: item.attempts })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{when(item)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
