import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ClockIcon } from '../../components/ui/icons';
import { Loading } from '../../components/ui/loading';
import { SectionCard } from '../../components/ui/section-card';
import { useMe } from '../../features/accounts/api/session-api';
import { MistakesSection } from '../../features/care/components/mistakes-section';
import { PlaybookHint } from '../../features/care/components/playbook-hint';
import { clientQuery } from '../../features/clients/api/client-queries';
import { ClientNameLink } from '../../features/clients/components/client-name-link';
import { MessageComposer } from '../../features/messages/components/message-composer';
import { useProject } from '../../features/projects/api/project-queries';
import { ProjectWorkflow } from '../../features/projects/components/project-workflow';
import { ProjectQuotes } from '../../features/quotes/components/project-quotes';
import { TimeEntries } from '../../features/time/components/time-entries';
import { usePageTitle } from '../../lib/use-page-title';
import { todayIn } from '../../lib/zoned-dates';

const route = getRouteApi('/_app/projects/$projectId');

export function ProjectPage() {
  const { t } = useTranslation();
  const { projectId } = route.useParams();
  const me = useMe();
  const timeZone = me.workspace.timeZone;
  const project = useProject(projectId);
  const client = useQuery({ ...clientQuery(project.data?.clientId ?? ''), enabled: project.data !== undefined });
  usePageTitle(project.data?.title ?? null);

  if (project.isPending) return <Loading label={t('projects.loading')} />;
  if (project.isError) return <Text c="red.9">{project.error.message}</Text>;
  const p = project.data;
  return (
    <ProjectWorkflow
      project={p}
      timeZone={timeZone}
      currency={me.workspace.currency}
      clientName={client.data?.name ?? ''}
      composer={MessageComposer}
      client={<ClientNameLink clientId={p.clientId} />}
      quotes={<ProjectQuotes clientId={p.clientId} projectId={p.id} />}
      mistakes={
        <MistakesSection
          clientId={p.clientId}
          projectId={p.id}
          currency={me.workspace.currency}
          timeZone={timeZone}
          composer={MessageComposer}
        />
      }
      clientHint={<PlaybookHint type={client.data?.personality ?? null} />}
      time={
        <SectionCard id="project-time" title={t('time.title')} icon={<ClockIcon size={20} />}>
          <TimeEntries clientId={p.clientId} projectId={p.id} today={todayIn(timeZone)} timeZone={timeZone} />
        </SectionCard>
      }
    />
  );
}
