import { Stack } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../shared/schemas/projects';
import { CalendarIcon, HistoryIcon, InboxIcon, PromiseIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import type { Composer } from '../../../lib/composer-slot';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useReceiveMaterial } from '../api/project-queries';
import { ChangeRequestsSection } from './change-requests-section';
import { useProjectDialogs } from './project-dialogs';
import { ProjectHeader } from './project-header';
import { DeliverablesList, DeliveryBlock, MaterialsList, RescheduleHistory } from './project-parts';

type Props = {
  project: Project;
  timeZone: string;
  currency: string;
  clientName: string;
  /** The message composer (features/messages), passed in by the page. */
  composer: Composer;
  /** What other features show here: the client's link, the project's quotes and its time. */
  client: ReactNode;
  quotes: ReactNode;
  time: ReactNode;
  /** The project's mistakes (features/care). */
  mistakes?: ReactNode;
  /** The client's playbook hint (features/care), shown on the scope-request screens. */
  clientHint?: ReactNode;
};

/** A project's page: delivery and its slips, deliverables, materials owed, change requests, time, history. */
export function ProjectWorkflow({
  project,
  timeZone,
  currency,
  clientName,
  composer,
  client,
  quotes,
  time,
  mistakes,
  clientHint,
}: Props) {
  const { t } = useTranslation();
  const dialogs = useProjectDialogs(project, { timeZone, currency, clientName, composer, clientHint });
  const receive = useReceiveMaterial(project.id);
  const [busyId, setBusyId] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <ProjectHeader project={project} client={client} />

      <SectionCard id="project-delivery" title={t('projects.delivery')} icon={<PromiseIcon size={20} />}>
        <DeliveryBlock project={project} onReschedule={dialogs.reschedule} />
      </SectionCard>

      <SectionCard id="project-deliverables" title={t('projects.deliverables.title')} icon={<CalendarIcon size={20} />}>
        <DeliverablesList project={project} />
      </SectionCard>

      {quotes}

      <SectionCard id="project-materials" title={t('projects.materials.title')} icon={<InboxIcon size={20} />}>
        <MaterialsList
          project={project}
          busyId={busyId}
          onAsk={dialogs.askMaterial}
          onReceived={(material) => {
            setBusyId(material.id);
            receive.mutate(material.id, {
              onSuccess: () => notifySuccess(t('projects.materials.marked')),
              onError: notifyError,
              onSettled: () => setBusyId(null),
            });
          }}
        />
      </SectionCard>

      <ChangeRequestsSection
        projectId={project.id}
        timeZone={timeZone}
        currency={currency}
        onLog={dialogs.logChange}
        onOutOfScope={dialogs.decideOutOfScope}
      />

      {time}

      {mistakes}

      <SectionCard id="project-history" title={t('projects.history.title')} icon={<HistoryIcon size={20} />}>
        <RescheduleHistory project={project} timeZone={timeZone} />
      </SectionCard>

      {dialogs.dialog}
    </Stack>
  );
}
