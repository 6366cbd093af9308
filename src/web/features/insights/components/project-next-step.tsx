import { Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProjectNextStep } from '../../../../shared/schemas/insights';
import { isolate } from '../../../../shared/text';
import { UserText } from '../../../components/ui/bidi';
import { formatShortDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';

const rowStyle = { paddingBlock: 10, borderBlockEnd: '1px solid var(--mantine-color-gray-2)' } as const;
const linkStyle = { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', color: 'var(--mantine-color-mila-8)' };

/** A project that just started, with what it needs next (a date, the client's materials, a deliverable, the delivery). */
export function ProjectNextStepRow({ project }: { project: ProjectNextStep }) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const day = project.dueDate ? formatShortDay(project.dueDate, intlLocale) : '';
  const subject = isolate(project.subject ?? '');
  const next =
    project.step === 'set_target'
      ? t('today.projects.next.set_target')
      : project.step === 'materials'
        ? t('today.projects.next.materials', { subject, day })
        : project.step === 'deliverable'
          ? t('today.projects.next.deliverable', { subject, day })
          : t('today.projects.next.deliver', { day });
  return (
    <Stack gap={2} style={rowStyle}>
      <Group gap={6} wrap="wrap">
        <Link to="/projects/$projectId" params={{ projectId: project.projectId }} style={linkStyle}>
          <UserText>{project.title}</UserText>
        </Link>
        <Text size="sm" c="dimmed">
          <UserText>{project.clientName}</UserText>
        </Text>
      </Group>
      <Text size="sm">{next}</Text>
    </Stack>
  );
}
