import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../shared/schemas/projects';
import { notifyError } from '../../../lib/notify';
import { useCreateProject } from '../api/project-queries';

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
  const [title, setTitle] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [deliverables, setDeliverables] = useState('');
  const [tried, setTried] = useState(false);
  const titleError = tried && !title.trim() ? t('projects.form.titleRequired') : undefined;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!title.trim()) return;
        create.mutate(
          {
            clientId,
            title: title.trim(),
            ...(targetDate ? { targetDate } : {}),
            deliverables: deliverables
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
          },
          { onSuccess: onDone, onError: notifyError },
        );
      }}
    >
      <Stack gap="md">
        <TextInput
          label={t('projects.form.title')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={titleError}
          dir="auto"
          data-autofocus
        />
        <TextInput
          type="date"
          w={220}
          label={t('projects.form.targetDate')}
          value={targetDate}
          onChange={(e) => setTargetDate(e.currentTarget.value)}
        />
        <Textarea
          label={t('projects.form.deliverables')}
          description={t('projects.form.deliverablesHint')}
          autosize
          minRows={3}
          value={deliverables}
          onChange={(e) => setDeliverables(e.currentTarget.value)}
          dir="auto"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('projects.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
