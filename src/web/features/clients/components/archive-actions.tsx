import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/schemas/clients';
import { isolate } from '../../../../shared/text';
import { Dialog } from '../../../components/ui/dialog';
import { ArchiveIcon, RestoreIcon } from '../../../components/ui/icons';
import { hideNotification, notifyError, notifySuccess } from '../../../lib/notify';
import { useArchiveClient, useRestoreClient } from '../api/client-queries';

/** Archive asks once and can be undone from the notification; nothing is deleted. */
export function ArchiveActions({ client }: { client: Client }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const archive = useArchiveClient();
  const restore = useRestoreClient();

  const doRestore = (notificationId?: string) => {
    if (notificationId) hideNotification(notificationId);
    restore.mutate(client.id, {
      onSuccess: () => notifySuccess(t('clients.page.restored')),
      onError: notifyError,
    });
  };

  const doArchive = () => {
    archive.mutate(client.id, {
      onSuccess: () => {
        close();
        const id = `archived-${client.id}`;
        notifySuccess(
          <Group gap="sm" justify="space-between" wrap="nowrap">
            <Text size="sm">{t('clients.page.archived')}</Text>
            <Button size="compact-sm" variant="light" onClick={() => doRestore(id)}>
              {t('actions.undo')}
            </Button>
          </Group>,
          { id, autoClose: 10_000 },
        );
      },
      onError: notifyError,
    });
  };

  if (client.archivedAt) {
    return (
      <Button
        variant="light"
        leftSection={<RestoreIcon size={18} />}
        loading={restore.isPending}
        onClick={() => doRestore()}
      >
        {t('clients.page.restore')}
      </Button>
    );
  }

  return (
    <>
      <Button variant="default" leftSection={<ArchiveIcon size={18} />} onClick={open}>
        {t('clients.page.archive')}
      </Button>
      <Dialog
        opened={opened}
        onClose={close}
        title={t('clients.page.archiveTitle', { name: isolate(client.name) })}
        closeLabel={t('actions.close')}
        centered
      >
        <Text size="sm">{t('clients.page.archiveBody')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button color="red.9" onClick={doArchive} loading={archive.isPending} data-autofocus>
            {t('clients.page.archiveConfirm')}
          </Button>
        </Group>
      </Dialog>
    </>
  );
}
