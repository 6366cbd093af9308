import { ActionIcon, Anchor, Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../shared/schemas/projects';
import { UserText } from '../../../components/ui/bidi';
import { EditIcon } from '../../../components/ui/icons';
import { notifyError } from '../../../lib/notify';
import { useUpdateProject } from '../api/project-queries';
import type { ProjectStatus } from '../api/projects-api';
import { ProjectStatusBadge, projectStatuses } from './project-status';

/** Title, status (changed in place) and the client, above the project's sections. */
export function ProjectHeader({ project, client }: { project: Project; client: ReactNode }) {
  const { t } = useTranslation();
  const update = useUpdateProject(project.id);
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap={4}>
      <Anchor renderRoot={(props) => <Link to="/projects" {...props} />} size="sm">
        {t('projects.backToList')}
      </Anchor>
      {editing ? (
        <TitleEditor title={project.title} onDone={() => setEditing(false)} projectId={project.id} />
      ) : (
        <Group gap="sm" wrap="wrap" align="center">
          <Title order={1} size="h2">
            <UserText>{project.title}</UserText>
          </Title>
          <ActionIcon variant="subtle" aria-label={t('projects.rename.open')} onClick={() => setEditing(true)}>
            <EditIcon size={18} />
          </ActionIcon>
          <ProjectStatusBadge status={project.status} />
        </Group>
      )}
      <Group gap="md" wrap="wrap" align="flex-end">
        {client}
        <Select
          w={220}
          size="xs"
          label={t('projects.statusLabel')}
          data={projectStatuses.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
          value={project.status}
          allowDeselect={false}
          onChange={(value) => value && update.mutate({ status: value as ProjectStatus }, { onError: notifyError })}
        />
      </Group>
    </Stack>
  );
}

/** The project's name, corrected in place (the quote it came from keeps its own title). */
function TitleEditor({ projectId, title, onDone }: { projectId: string; title: string; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateProject(projectId);
  const [value, setValue] = useState(title);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!value.trim()) return setError(t('projects.rename.required'));
        update.mutate({ title: value }, { onSuccess: onDone, onError: notifyError });
      }}
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          style={{ flex: '1 1 14rem' }}
          label={t('projects.rename.label')}
          dir="auto"
          value={value}
          maxLength={200}
          autoFocus
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Button type="submit" loading={update.isPending}>
          {t('projects.rename.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('actions.cancel')}
        </Button>
      </Group>
    </form>
  );
}
