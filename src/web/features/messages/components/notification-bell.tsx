import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../../shared/schemas/messages';
import { AlertIcon, BellIcon, CheckIcon, ClockIcon, MessageIcon } from '../../../components/ui/icons';
import { When } from '../../../components/ui/when';
import { notifyError } from '../../../lib/notify';
import { useNow, useWhen } from '../../../lib/use-when';
import { useMarkNotificationsRead, useNotifications } from '../api/notification-queries';

type Look = { icon: typeof ClockIcon; color: string };
const kindLook: Partial<Record<Notification['kind'], Look>> = {
  due_soon: { icon: ClockIcon, color: 'orange.9' },
  overdue: { icon: AlertIcon, color: 'red.9' },
  theirs_overdue: { icon: MessageIcon, color: 'blue.9' },
};
/** Kinds added later (quotes…) still show, with a plain bell. */
const fallbackLook: Look = { icon: BellIcon, color: 'mila.8' };

type Props = { timeZone: string; onOpen: (notification: Notification) => void };

/** In-app reminders: a bell with the unread count, a list, and "mark all read". */
export function NotificationBell({ timeZone, onOpen }: Props) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const now = useNow();
  const { ago } = useWhen(timeZone);
  const headingId = useId();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const open = (notification: Notification) => {
    close();
    if (!notification.readAt) markRead.mutate([notification.id], { onError: notifyError });
    onOpen(notification);
  };

  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red.8" disabled={unread === 0} offset={4} inline>
      <Popover
        opened={opened}
        onDismiss={close}
        position="bottom-end"
        width={340}
        shadow="md"
        withinPortal
        trapFocus
        returnFocus
      >
        <Popover.Target>
          <ActionIcon
            variant="default"
            size={36}
            radius="md"
            onClick={toggle}
            aria-label={unread > 0 ? t('notifications.labelUnread', { count: unread }) : t('notifications.label')}
          >
            <BellIcon size={18} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} aria-labelledby={headingId}>
          <Group
            justify="space-between"
            px="sm"
            py="xs"
            style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Text fw={700} id={headingId}>
              {t('notifications.title')}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<CheckIcon size={14} />}
              disabled={unread === 0}
              loading={markRead.isPending}
              onClick={() => markRead.mutate('all', { onError: notifyError })}
            >
              {t('notifications.markAllRead')}
            </Button>
          </Group>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              {t('notifications.empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={400} type="auto">
              <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {items.map((item) => {
                  const look = kindLook[item.kind] ?? fallbackLook;
                  const Icon = look.icon;
                  const when = ago(item.createdAt, now);
                  const isUnread = item.readAt === null;
                  return (
                    <li key={item.id}>
                      <UnstyledButton
                        onClick={() => open(item)}
                        px="sm"
                        py="xs"
                        w="100%"
                        style={{
                          display: 'flex',
                          gap: 10,
                          alignItems: 'flex-start',
                          borderBlockEnd: '1px solid var(--mantine-color-gray-2)',
                          background: isUnread ? 'var(--mantine-color-mila-0)' : undefined,
                        }}
                      >
                        <Text component="span" c={look.color} mt={2}>
                          <Icon size={18} />
                        </Text>
                        <span style={{ minInlineSize: 0, flex: 1 }}>
                          <Text size="sm" fw={isUnread ? 700 : 400} dir="auto" style={{ overflowWrap: 'anywhere' }}>
                            {item.title}
                          </Text>
                          <Group gap={6}>
                            <When text={when.text} exact={when.exact} iso={item.createdAt} size="xs" c="dimmed" />
                            {isUnread && (
                              <Text size="xs" fw={700} c="mila.8">
                                {t('notifications.new')}
                              </Text>
                            )}
                          </Group>
                        </span>
                      </UnstyledButton>
                    </li>
                  );
                })}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
