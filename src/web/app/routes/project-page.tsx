import { Anchor, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../shared/schemas/commitments';
import type { ChangeRequest } from '../../../shared/schemas/projects';
import { UserText } from '../../components/ui/bidi';
import { Dialog } from '../../components/ui/dialog';
import {
  CalendarIcon,
  ClockIcon,
  HistoryIcon,
  InboxIcon,
  MessageIcon,
  PlusIcon,
  PromiseIcon,
  QuoteIcon,
} from '../../components/ui/icons';
import { Loading } from '../../components/ui/loading';
import { SectionCard } from '../../components/ui/section-card';
import { useMe } from '../../features/accounts/api/session-api';
import { clientQuery } from '../../features/clients/api/client-queries';
import { useQuery } from '@tanstack/react-query';
import { useCompleteCommitment } from '../../features/commitments/api/commitment-queries';
import { MessageComposer } from '../../features/messages/components/message-composer';
import {
  useChangeRequests,
  useDecideChangeRequest,
  useProject,
  useRefreshProject,
  useReschedule,
  useUpdateProject,
} from '../../features/projects/api/project-queries';
import {
  type DelayInput,
  type ProjectStatus,
  type ScopeAnswerInput,
  composeDelayNotice,
  composeScopeAnswer,
} from '../../features/projects/api/projects-api';
import {
  ChangeRequestItem,
  LogChangeRequestForm,
  ScopeDecisionForm,
} from '../../features/projects/components/change-requests';
import {
  DeliverablesList,
  DeliveryBlock,
  MaterialsList,
  RescheduleForm,
  RescheduleHistory,
} from '../../features/projects/components/project-parts';
import { ProjectStatusBadge, projectStatuses } from '../../features/projects/components/project-status';
import { parseAgorot } from '../../features/quotes/api/decimal-input';
import { useQuotes } from '../../features/quotes/api/quote-queries';
import { QuoteStatusBadge } from '../../features/quotes/components/quote-status';
import { notifyError, notifySuccess } from '../../lib/notify';
import { usePageTitle } from '../../lib/use-page-title';
import { todayIn } from '../../lib/zoned-dates';
import { TimeEntries } from '../../features/time/components/time-entries';
import { ClientNameLink } from './projects-page';

const route = getRouteApi('/_app/projects/$projectId');

type Open =
  | { kind: 'reschedule'; input: DelayInput | null }
  | { kind: 'delayNotice'; input: DelayInput }
  | { kind: 'materials'; material: Commitment }
  | { kind: 'logChange' }
  | { kind: 'scope'; request: ChangeRequest }
  | { kind: 'scopeAnswer'; request: ChangeRequest; answer: ScopeAnswerInput }
  | null;

export function ProjectPage() {
  const { t } = useTranslation();
  const { projectId } = route.useParams();
  const me = useMe();
  const timeZone = me.workspace.timeZone;
  const currency = me.workspace.currency;
  const project = useProject(projectId);
  const client = useQuery({ ...clientQuery(project.data?.clientId ?? ''), enabled: project.data !== undefined });
  const changes = useChangeRequests(projectId);
  const update = useUpdateProject(projectId);
  const doReschedule = useReschedule(projectId);
  const decide = useDecideChangeRequest(projectId);
  const complete = useCompleteCommitment();
  const refresh = useRefreshProject(projectId);
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const [open, setOpen] = useState<Open>(null);
  const [openCount, setOpenCount] = useState(0);
  const [busyId, setBusyId] = useState<string | null>(null);
  usePageTitle(project.data?.title ?? null);
  const show = (next: Open) => {
    setOpen(next);
    setOpenCount((n) => n + 1);
  };
  const close = () => setOpen(null);

  if (project.isPending) return <Loading label={t('projects.loading')} />;
  if (project.isError) return <Text c="red.9">{project.error.message}</Text>;
  const p = project.data;
  const clientName = client.data?.name ?? '';
  const today = todayIn(timeZone);

  let dialogTitle: ReactNode = null;
  let dialogBody: ReactNode = null;
  if (open?.kind === 'reschedule') {
    dialogTitle = t('projects.reschedule.title');
    dialogBody = (
      <RescheduleForm
        initial={open.input}
        minDate={today}
        busy={doReschedule.isPending}
        onCancel={close}
        onPreview={(input) => show({ kind: 'delayNotice', input })}
        onRecordOnly={(input) =>
          doReschedule.mutate(input, {
            onSuccess: () => {
              close();
              notifySuccess(t('projects.reschedule.recorded'));
            },
            onError: notifyError,
          })
        }
      />
    );
  } else if (open?.kind === 'delayNotice') {
    const input = open.input;
    dialogTitle = t('projects.reschedule.noticeTitle');
    dialogBody = (
      <MessageComposer
        request={{ kind: 'delay_notice', clientId: p.clientId }}
        source={{
          key: ['delay-notice', p.id, input.cause, input.statusText, input.newTargetDate, openCount],
          load: () => composeDelayNotice(p.id, input),
        }}
        clientName={clientName}
        send={async (draft) => (await doReschedule.mutateAsync({ ...input, message: draft })).sent}
        onBack={() => show({ kind: 'reschedule', input })}
        onDone={() => {
          close();
          notifySuccess(t('projects.reschedule.recorded'));
        }}
        onCancel={close}
      />
    );
  } else if (open?.kind === 'materials') {
    dialogTitle = t('projects.materials.askTitle');
    dialogBody = (
      <MessageComposer
        request={{ kind: 'materials_request', clientId: p.clientId, commitmentId: open.material.id }}
        clientName={clientName}
        onDone={() => {
          close();
          notifySuccess(t('projects.materials.asked'));
        }}
        onCancel={close}
      />
    );
  } else if (open?.kind === 'logChange') {
    dialogTitle = t('projects.changes.logTitle');
    dialogBody = (
      <LogChangeRequestForm
        projectId={p.id}
        onCancel={close}
        onDone={() => {
          close();
          notifySuccess(t('projects.changes.logged'));
        }}
      />
    );
  } else if (open?.kind === 'scope') {
    const request = open.request;
    dialogTitle = t('projects.changes.outOfScope');
    dialogBody = (
      <Stack gap="sm">
        <Text size="sm">
          <UserText>{request.what}</UserText>
        </Text>
        <ScopeDecisionForm
          today={today}
          currency={currency}
          parseAmount={parseAgorot}
          onCancel={close}
          onNext={(answer) => show({ kind: 'scopeAnswer', request, answer })}
        />
      </Stack>
    );
  } else if (open?.kind === 'scopeAnswer') {
    const { request, answer } = open;
    dialogTitle = t(`projects.decision.${answer.decision}`);
    dialogBody = (
      <MessageComposer
        request={{
          kind: `scope_${answer.decision === 'change_order' ? 'formal_quote' : answer.decision}`,
          clientId: p.clientId,
        }}
        source={{
          key: ['scope-answer', request.id, JSON.stringify(answer), openCount],
          load: () => composeScopeAnswer(request.id, answer),
        }}
        clientName={clientName}
        send={async (draft) =>
          (await decide.mutateAsync({ id: request.id, input: { inScope: false, ...answer, message: draft } })).sent
        }
        onBack={() => show({ kind: 'scope', request })}
        onDone={() => {
          close();
          notifySuccess(t('projects.changes.decided'));
        }}
        onCancel={close}
      />
    );
  }

  const changeItems = changes.data ?? [];
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor renderRoot={(props) => <Link to="/projects" {...props} />} size="sm">
          {t('projects.backToList')}
        </Anchor>
        <Group gap="sm" wrap="wrap" align="center">
          <Title order={1} size="h2">
            <UserText>{p.title}</UserText>
          </Title>
          <ProjectStatusBadge status={p.status} />
        </Group>
        <Group gap="md" wrap="wrap" align="flex-end">
          <ClientNameLink clientId={p.clientId} />
          <Select
            w={220}
            size="xs"
            label={t('projects.statusLabel')}
            data={projectStatuses.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
            value={p.status}
            allowDeselect={false}
            onChange={(value) => value && update.mutate({ status: value as ProjectStatus }, { onError: notifyError })}
          />
        </Group>
      </Stack>

      <SectionCard id="project-delivery" title={t('projects.delivery')} icon={<PromiseIcon size={20} />}>
        <DeliveryBlock project={p} onReschedule={() => show({ kind: 'reschedule', input: null })} />
      </SectionCard>

      <SectionCard id="project-deliverables" title={t('projects.deliverables.title')} icon={<CalendarIcon size={20} />}>
        <DeliverablesList project={p} />
      </SectionCard>

      <ProjectQuotes clientId={p.clientId} projectId={p.id} />

      <SectionCard id="project-materials" title={t('projects.materials.title')} icon={<InboxIcon size={20} />}>
        <MaterialsList
          project={p}
          busyId={busyId}
          onAsk={(material) => show({ kind: 'materials', material })}
          onReceived={(material) => {
            setBusyId(material.id);
            complete.mutate(material.id, {
              onSuccess: () => {
                refresh();
                notifySuccess(t('projects.materials.marked'));
              },
              onError: notifyError,
              onSettled: () => setBusyId(null),
            });
          }}
        />
      </SectionCard>

      <SectionCard
        id="project-changes"
        title={t('projects.changes.title')}
        icon={<MessageIcon size={20} />}
        actions={
          <Button size="compact-sm" leftSection={<PlusIcon size={16} />} onClick={() => show({ kind: 'logChange' })}>
            {t('projects.changes.askedMore')}
          </Button>
        }
      >
        {changeItems.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('projects.changes.empty')}
          </Text>
        ) : (
          <Stack
            gap="xs"
            component="ul"
            aria-label={t('projects.changes.title')}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {changeItems.map((request) => (
              <ChangeRequestItem
                key={request.id}
                request={request}
                timeZone={timeZone}
                currency={currency}
                busy={decide.isPending && decide.variables.id === request.id}
                onOutOfScope={() => show({ kind: 'scope', request })}
                onInScope={() =>
                  decide.mutate(
                    { id: request.id, input: { inScope: true } },
                    { onSuccess: () => notifySuccess(t('projects.changes.decided')), onError: notifyError },
                  )
                }
              />
            ))}
          </Stack>
        )}
      </SectionCard>

      <SectionCard id="project-time" title={t('time.title')} icon={<ClockIcon size={20} />}>
        <TimeEntries clientId={p.clientId} projectId={p.id} today={today} timeZone={timeZone} />
      </SectionCard>

      <SectionCard id="project-history" title={t('projects.history.title')} icon={<HistoryIcon size={20} />}>
        <RescheduleHistory project={p} timeZone={timeZone} />
      </SectionCard>

      <Dialog
        key={openCount}
        opened={open !== null}
        onClose={close}
        title={dialogTitle}
        closeLabel={t('actions.close')}
        size="lg"
        fullScreen={isPhone}
      >
        {dialogBody}
      </Dialog>
    </Stack>
  );
}

/** The quotes this project came from and grew by (change orders), each a link to its page. */
function ProjectQuotes({ clientId, projectId }: { clientId: string; projectId: string }) {
  const { t } = useTranslation();
  const quotes = useQuotes(clientId);
  const linked = (quotes.data ?? []).filter((quote) => quote.projectId === projectId);
  if (linked.length === 0) return null;
  return (
    <SectionCard id="project-quotes" title={t('projects.quotes.title')} icon={<QuoteIcon size={20} />}>
      <Stack
        gap={6}
        component="ul"
        aria-label={t('projects.quotes.title')}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {linked.map((quote) => (
          <Group key={quote.id} component="li" gap="xs" wrap="wrap">
            <Anchor renderRoot={(props) => <Link to="/quotes/$quoteId" params={{ quoteId: quote.id }} {...props} />}>
              <bdi dir="ltr">{quote.number}</bdi>
            </Anchor>
            <Text size="sm">
              <UserText>{quote.current.title}</UserText>
            </Text>
            {quote.kind === 'change_order' && (
              <Text size="xs" c="dimmed">
                {t('projects.quotes.changeOrder')}
              </Text>
            )}
            <QuoteStatusBadge status={quote.status} />
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}
