import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared/schemas/commitments';
import type { ChangeRequest, Project } from '../../../../shared/schemas/projects';
import { UserText } from '../../../components/ui/bidi';
import { useDialogFlow } from '../../../components/ui/dialog-flow';
import type { Composer } from '../../../lib/composer-slot';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { todayIn } from '../../../lib/zoned-dates';
import { useDecideChangeRequest, useReschedule } from '../api/project-queries';
import { type DelayInput, type ScopeAnswerInput, composeDelayNotice, composeScopeAnswer } from '../api/projects-api';
import { LogChangeRequestForm, ScopeDecisionForm } from './change-requests';
import { RescheduleForm } from './project-parts';

type Open =
  | { kind: 'reschedule'; input: DelayInput | null }
  | { kind: 'delayNotice'; input: DelayInput }
  | { kind: 'materials'; material: Commitment }
  | { kind: 'logChange' }
  | { kind: 'scope'; request: ChangeRequest }
  | { kind: 'scopeAnswer'; request: ChangeRequest; answer: ScopeAnswerInput };

type Options = {
  timeZone: string;
  currency: string;
  clientName: string;
  composer: Composer;
  /** The client's playbook hint (another feature), above the scope-request forms. */
  clientHint?: ReactNode;
};

/**
 * The project's dialogs, one at a time: reschedule (then the delay notice), ask for a material,
 * log a change request, and decide one that is out of scope (then the message that says so).
 */
export function useProjectDialogs(project: Project, { timeZone, currency, clientName, composer, clientHint }: Options) {
  const { t } = useTranslation();
  const MessageComposer = composer;
  const doReschedule = useReschedule(project.id);
  const decide = useDecideChangeRequest(project.id);
  const { open, attempt: openCount, show, close, render } = useDialogFlow<Open>();
  const done = (message: string) => () => {
    close();
    notifySuccess(message);
  };
  const today = todayIn(timeZone);

  let title: ReactNode = null;
  let body: ReactNode = null;
  if (open?.kind === 'reschedule') {
    title = t('projects.reschedule.title');
    body = (
      <RescheduleForm
        initial={open.input}
        minDate={today}
        busy={doReschedule.isPending}
        onCancel={close}
        onPreview={(input) => show({ kind: 'delayNotice', input })}
        onRecordOnly={(input) =>
          doReschedule.mutate(input, { onSuccess: done(t('projects.reschedule.recorded')), onError: notifyError })
        }
      />
    );
  } else if (open?.kind === 'delayNotice') {
    const input = open.input;
    title = t('projects.reschedule.noticeTitle');
    body = (
      <MessageComposer
        request={{ kind: 'delay_notice', clientId: project.clientId }}
        source={{
          key: ['delay-notice', project.id, input.cause, input.statusText, input.newTargetDate, openCount],
          load: () => composeDelayNotice(project.id, input),
        }}
        clientName={clientName}
        send={async (draft) => (await doReschedule.mutateAsync({ ...input, message: draft })).sent}
        onBack={() => show({ kind: 'reschedule', input })}
        onDone={done(t('projects.reschedule.recorded'))}
        onCancel={close}
      />
    );
  } else if (open?.kind === 'materials') {
    title = t('projects.materials.askTitle');
    body = (
      <MessageComposer
        request={{ kind: 'materials_request', clientId: project.clientId, commitmentId: open.material.id }}
        clientName={clientName}
        onDone={done(t('projects.materials.asked'))}
        onCancel={close}
      />
    );
  } else if (open?.kind === 'logChange') {
    title = t('projects.changes.logTitle');
    body = (
      <Stack gap="sm">
        {clientHint}
        <LogChangeRequestForm projectId={project.id} onCancel={close} onDone={done(t('projects.changes.logged'))} />
      </Stack>
    );
  } else if (open?.kind === 'scope') {
    const request = open.request;
    title = t('projects.changes.outOfScope');
    body = (
      <Stack gap="sm">
        {clientHint}
        <Text size="sm">
          <UserText>{request.what}</UserText>
        </Text>
        <ScopeDecisionForm
          today={today}
          currency={currency}
          onCancel={close}
          onNext={(answer) => show({ kind: 'scopeAnswer', request, answer })}
        />
      </Stack>
    );
  } else if (open?.kind === 'scopeAnswer') {
    const { request, answer } = open;
    title = t(`projects.decision.${answer.decision}`);
    body = (
      <MessageComposer
        request={{
          kind: `scope_${answer.decision === 'change_order' ? 'formal_quote' : answer.decision}`,
          clientId: project.clientId,
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
        onDone={done(t('projects.changes.decided'))}
        onCancel={close}
      />
    );
  }

  return {
    reschedule: () => show({ kind: 'reschedule', input: null }),
    askMaterial: (material: Commitment) => show({ kind: 'materials', material }),
    logChange: () => show({ kind: 'logChange' }),
    decideOutOfScope: (request: ChangeRequest) => show({ kind: 'scope', request }),
    dialog: render(title, body),
  };
}
