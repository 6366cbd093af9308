import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Project, ZCreateProject } from '../../../../shared/schemas/projects';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useCreateProject } from '../api/project-queries';
import { DateField } from '../../../components/ui/date-field';

/** A project by hand: a title, maybe a target date, and what will be delivered (one per line). */
export function NewProjectForm({
  clientId,
  onDone,
  onCancel,
}: {
  clientId: string;
  onDone: (project: Project) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateProject();
  const form = useSchemaForm({
    schema: ZCreateProject,
    initialValues: { title: '', targetDate: '', deliverables: '' },
    toInput: (v: { title: string; targetDate: string; deliverables: string }) => ({
      clientId,
      title: v.title,
      ...(v.targetDate ? { targetDate: v.targetDate } : {}),
      deliverables: v.deliverables
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    }),
  });
  const { values } = form;
  return (
    <form
      noValidate
      onSubmit={form.submit(async (input) => {
        onDone(await create.mutateAsync(input));
      })}
    >
      <Stack gap="md">
        <TextInput
          label={t('projects.form.title')}
          required
          value={values.title}
          onChange={(e) => form.set('title', e.currentTarget.value)}
          error={form.error('title') && t('projects.form.titleRequired')}
          dir="auto"
          data-autofocus
        />
        <DateField
          w={220}
          label={t('projects.form.targetDate')}
          value={values.targetDate}
          onChange={(value) => form.set('targetDate', value)}
          error={form.error('targetDate')}
        />
        <Textarea
          label={t('projects.form.deliverables')}
          description={t('projects.form.deliverablesHint')}
          autosize
          minRows={3}
          value={values.deliverables}
          onChange={(e) => form.set('deliverables', e.currentTarget.value)}
          error={form.error('deliverables')}
          dir="auto"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('projects.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
