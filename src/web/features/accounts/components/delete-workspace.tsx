import { Alert, Anchor, Button, Collapse, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZDeleteWorkspace } from '../../../../shared/schemas/team';
import { isolate } from '../../../../shared/text';
import { AlertIcon, TrashIcon } from '../../../components/ui/icons';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useDeleteWorkspace } from '../api/my-workspaces-api';
import { CurrentPasswordField } from './current-password-field';

/**
 * Settings → Data (owner): the whole workspace deleted for good. It offers the export first and
 * asks for the workspace's name typed again and the password; then the session is gone too.
 */
export function DeleteWorkspace({ workspaceName, onDeleted }: { workspaceName: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const remove = useDeleteWorkspace();
  const form = useSchemaForm({ schema: ZDeleteWorkspace, initialValues: { confirmName: '', currentPassword: '' } });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('deleteWorkspace.intro')}</Text>
      <Text size="sm">
        {t('deleteWorkspace.exportFirst')}{' '}
        <Anchor href="/api/v1/exports/workspace.zip" download>
          {t('deleteWorkspace.exportLink')}
        </Anchor>
      </Text>
      {!open && (
        <div>
          <Button variant="subtle" color="red" leftSection={<TrashIcon size={16} />} onClick={() => setOpen(true)}>
            {t('deleteWorkspace.start')}
          </Button>
        </div>
      )}
      <Collapse expanded={open}>
        <form
          noValidate
          onSubmit={form.submit(async (input) => {
            await remove.mutateAsync(input);
            onDeleted();
          })}
        >
          <Stack gap="sm">
            <Alert color="red" icon={<AlertIcon />} c="dark.7">
              {t('deleteWorkspace.warning', { name: isolate(workspaceName) })}
            </Alert>
            <TextInput
              label={t('deleteWorkspace.typeName')}
              description={<bdi>{workspaceName}</bdi>}
              dir="auto"
              autoComplete="off"
              required
              value={form.values.confirmName}
              onChange={(e) => form.set('confirmName', e.currentTarget.value)}
              error={form.error('confirmName')}
            />
            <CurrentPasswordField
              value={form.values.currentPassword}
              onChange={(v) => form.set('currentPassword', v)}
              error={form.error('currentPassword')}
            />
            <Stack gap="xs">
              <Button type="submit" color="red.9" leftSection={<TrashIcon size={16} />} loading={form.submitting}>
                {t('deleteWorkspace.confirm')}
              </Button>
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('actions.cancel')}
              </Button>
            </Stack>
          </Stack>
        </form>
      </Collapse>
    </Stack>
  );
}
