import { Button } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApologySent, Incident } from '../../../../shared/schemas/care';
import { useDialogFlow } from '../../../components/ui/dialog-flow';
import { MessageIcon } from '../../../components/ui/icons';
import type { Composer } from '../../../lib/composer-slot';
import { notifySuccess } from '../../../lib/notify';
import { todayIn } from '../../../lib/zoned-dates';
import { composeApology } from '../api/care-api';
import { useSendApology } from '../api/care-queries';
import { type FixBy, ApologySetup } from './apology-setup';
import { MistakeForm } from './mistake-form';
import { MistakeView } from './mistake-view';

type Open =
  | { kind: 'form'; clientId: string; projectId: string | null; incident: Incident | null }
  | { kind: 'view'; incident: Incident; fixPromise?: ApologySent['fixPromise'] }
  | { kind: 'apology'; incident: Incident; fixBy: FixBy | null }
  | { kind: 'apologyMessage'; incident: Incident; fixBy: FixBy | null };

/**
 * Record → read it back with the checklist before the call → prepare the apology (the fix-by
 * promise, then the message through the composer) → edit: one dialog at a time.
 */
export function useMistakeDialogs({
  currency,
  timeZone,
  composer,
  showClient = false,
}: {
  currency: string;
  timeZone: string;
  /** The message composer (features/messages), handed over by the page. */
  composer: Composer;
  showClient?: boolean;
}) {
  const { t } = useTranslation();
  const MessageComposer = composer;
  const { open, attempt, show, close, render } = useDialogFlow<Open>();
  const sendApology = useSendApology();
  const sent = useRef<ApologySent | null>(null);
  let title = '';
  let body = null;
  if (open?.kind === 'form') {
    const editing = open.incident;
    title = open.incident ? t('care.mistakes.editTitle') : t('care.mistakes.newTitle');
    body = (
      <MistakeForm
        clientId={open.clientId}
        projectId={open.projectId}
        incident={open.incident}
        currency={currency}
        onSaved={(incident) => show({ kind: 'view', incident })}
        onCancel={editing ? () => show({ kind: 'view', incident: editing }) : close}
      />
    );
  } else if (open?.kind === 'view') {
    const incident = open.incident;
    title = t('care.mistakes.viewTitle');
    body = (
      <MistakeView
        incident={incident}
        timeZone={timeZone}
        showClient={showClient}
        fixPromise={open.fixPromise ?? null}
        onEdit={() => show({ kind: 'form', clientId: incident.clientId, projectId: incident.projectId, incident })}
        actions={
          incident.status !== 'closed' && (
            <Button
              variant={incident.apologyMessageId ? 'light' : 'filled'}
              leftSection={<MessageIcon size={16} />}
              onClick={() => show({ kind: 'apology', incident, fixBy: null })}
            >
              {incident.apologyMessageId ? t('care.apology.again') : t('care.apology.prepare')}
            </Button>
          )
        }
      />
    );
  } else if (open?.kind === 'apology') {
    const incident = open.incident;
    title = t('care.apology.title');
    body = (
      <ApologySetup
        incident={incident}
        today={todayIn(timeZone)}
        initial={open.fixBy}
        onBack={() => show({ kind: 'view', incident })}
        onNext={(fixBy) => show({ kind: 'apologyMessage', incident, fixBy })}
      />
    );
  } else if (open?.kind === 'apologyMessage') {
    const { incident, fixBy } = open;
    title = t('care.apology.messageTitle');
    body = (
      <MessageComposer
        request={{ kind: 'apology', clientId: incident.clientId }}
        source={{
          key: ['apology', incident.id, fixBy?.dueDate ?? null, fixBy?.dueTime ?? null, attempt],
          load: () => composeApology(incident.id, fixBy ? { fixBy } : {}),
        }}
        clientName={incident.clientName}
        send={async (draft) => {
          const result = await sendApology.mutateAsync({
            id: incident.id,
            input: { message: draft, ...(fixBy ? { fixBy } : {}) },
          });
          sent.current = result;
          return result.sent;
        }}
        onBack={() => show({ kind: 'apology', incident, fixBy })}
        onDone={() => {
          const result = sent.current;
          notifySuccess(result?.fixPromise ? t('care.apology.sentWithPromise') : t('care.apology.sent'));
          if (result) show({ kind: 'view', incident: result.incident, fixPromise: result.fixPromise });
          else close();
        }}
        onCancel={close}
      />
    );
  }
  return {
    record: (clientId: string, projectId: string | null) => show({ kind: 'form', clientId, projectId, incident: null }),
    view: (incident: Incident) => show({ kind: 'view', incident }),
    dialog: render(title, body),
  };
}
