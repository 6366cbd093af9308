import { Alert, Button, CopyButton, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/ui/dialog';
import { AlertIcon, CalendarIcon, CheckIcon, CopyIcon, RestoreIcon, XIcon } from '../../../components/ui/icons';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCreateCalendarFeed, useDeleteCalendarFeed } from '../api/insight-queries';

/**
 * A private calendar link (ICS) with every open promise as an event. The link carries its own
 * secret, so it is shown once; making a new one turns the old one off.
 */
export function CalendarFeedSettings() {
  const { t } = useTranslation();
  const create = useCreateCalendarFeed();
  const remove = useDeleteCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'replace' | 'off' | null>(null);
  const [dialogOpen, dialog] = useDisclosure(false);

  const ask = (what: 'replace' | 'off') => {
    setConfirm(what);
    dialog.open();
  };

  const makeLink = () =>
    create.mutate(undefined, {
      onSuccess: (feed) => {
        setUrl(feed.url);
        dialog.close();
      },
      onError: notifyError,
    });

  const turnOff = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        setUrl(null);
        dialog.close();
        notifySuccess(t('calendarFeed.turnedOff'));
      },
      onError: notifyError,
    });

  return (
    <Stack gap="md">
      <Text size="sm">{t('calendarFeed.intro')}</Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('calendarFeed.howGoogle')}</List.Item>
        <List.Item>{t('calendarFeed.howApple')}</List.Item>
      </List>
      {url ? (
        <Stack gap="xs">
          <Alert color="yellow" icon={<AlertIcon />} c="dark.7">
            {t('calendarFeed.shownOnce')}
          </Alert>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('calendarFeed.link')}
              value={url}
              readOnly
              dir="ltr"
              style={{ flex: 1 }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
                  onClick={copy}
                >
                  {copied ? t('calendarFeed.copied') : t('calendarFeed.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('calendarFeed.noLinkShown')}
        </Text>
      )}
      <Group gap="sm">
        {url ? (
          <Button variant="default" leftSection={<RestoreIcon size={16} />} onClick={() => ask('replace')}>
            {t('calendarFeed.replace')}
          </Button>
        ) : (
          <Button leftSection={<CalendarIcon size={16} />} onClick={makeLink} loading={create.isPending}>
            {t('calendarFeed.create')}
          </Button>
        )}
        <Button variant="subtle" color="red" c="red.9" leftSection={<XIcon size={16} />} onClick={() => ask('off')}>
          {t('calendarFeed.turnOff')}
        </Button>
      </Group>
      <Dialog
        opened={dialogOpen}
        onClose={dialog.close}
        title={confirm === 'off' ? t('calendarFeed.turnOffTitle') : t('calendarFeed.replaceTitle')}
        closeLabel={t('actions.close')}
        centered
      >
        <Text size="sm">{confirm === 'off' ? t('calendarFeed.turnOffBody') : t('calendarFeed.replaceBody')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={dialog.close}>
            {t('actions.cancel')}
          </Button>
          {confirm === 'off' ? (
            <Button color="red.9" onClick={turnOff} loading={remove.isPending} data-autofocus>
              {t('calendarFeed.turnOffConfirm')}
            </Button>
          ) : (
            <Button onClick={makeLink} loading={create.isPending} data-autofocus>
              {t('calendarFeed.replaceConfirm')}
            </Button>
          )}
        </Group>
      </Dialog>
    </Stack>
  );
}
