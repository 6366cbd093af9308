import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/schemas/clients';
import { isolate } from '../../../../shared/text';
import { Dialog } from '../../../components/ui/dialog';
import { ArchiveIcon, RestoreIcon } from '../../../components/ui/icons';
import { notifyError, notifySuccess, notifyWithAction } from '../../../lib/notify';
import { useArchiveClient, useRestoreClient } from '../api/client-queries';

/** Archive asks once and can be undone from the notification; nothing is deleted. */
export function ArchiveActions({ client }: { client: Client }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const archive = useArchiveClient();
  const restore = useRestoreClient();

  const doRestore = () => {
    restore.mutate(client.id, {
      onSuccess: () => notifySuccess(t('clients.page.restored')),
      onError: notifyError,
    });
  };

  const doArchive = () => {
    archive.mutate(client.id, {
      onSuccess: () => {
        close();
        notifyWithAction(
          t('clients.page.archived'),
          { label: t('actions.undo'), onClick: doRestore },
          { id: `archived-${client.id}` },
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
