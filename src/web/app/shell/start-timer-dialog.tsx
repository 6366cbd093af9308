import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZStartTimer } from '../../../shared/schemas/payments';
import { Dialog } from '../../components/ui/dialog';
import { ClockIcon } from '../../components/ui/icons';
import { ClientPicker } from '../../features/clients/components/client-picker';
import { useProjects } from '../../features/projects/api/project-queries';
import { useStartTimer } from '../../features/time/api/time-queries';
import { useSchemaForm } from '../../lib/use-schema-form';

type StartValues = { clientId: string | null; clientName: string | null; projectId: string | null; note: string };

/** The header's "start the timer" dialog (see StartTimerProvider, which loads it on first use). */
export function StartTimerDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const start = useStartTimer();
  const form = useSchemaForm({
    schema: ZStartTimer,
    initialValues: { clientId: null, clientName: null, projectId: null, note: '' } as StartValues,
    toInput: (v: StartValues) => ({ clientId: v.clientId, projectId: v.projectId ?? undefined, note: v.note }),
  });
  const { clientId, clientName, projectId, note } = form.values;
  const projects = useProjects(clientId);
  const projectOptions = clientId
    ? (projects.data ?? []).filter((p) => p.status !== 'closed').map((p) => ({ value: p.id, label: p.title }))
    : [];
  return (
    <>
      <Dialog opened={opened} onClose={onClose} title={t('time.start')} closeLabel={t('actions.close')}>
        <form
          noValidate
          onSubmit={form.submit(async (input) => {
            await start.mutateAsync(input);
            onClose();
            form.reset({ ...form.values, note: '' });
          })}
        >
          <Stack gap="sm">
            <ClientPicker
              label={t('time.client')}
              value={clientId}
              valueLabel={clientName}
              required
              error={form.error('clientId') && t('time.clientRequired')}
              onChange={(id, name) =>
                form.update('clientId', (v) => ({ ...v, clientId: id, clientName: name, projectId: null }))
              }
            />
            {projectOptions.length > 0 && (
              <Select
                label={t('time.project')}
                data={projectOptions}
                value={projectId}
                onChange={(id) => form.set('projectId', id)}
                clearable
              />
            )}
            <TextInput
              label={t('time.note')}
              value={note}
              onChange={(e) => form.set('note', e.currentTarget.value)}
              error={form.error('note')}
              dir="auto"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="subtle" color="gray" onClick={onClose}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting} leftSection={<ClockIcon size={16} />}>
                {t('time.start')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}
