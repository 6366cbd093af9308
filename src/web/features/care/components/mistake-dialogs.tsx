import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared/schemas/care';
import { useDialogFlow } from '../../../components/ui/dialog-flow';
import { MistakeForm } from './mistake-form';
import { MistakeView } from './mistake-view';

type Open =
  | { kind: 'form'; clientId: string; projectId: string | null; incident: Incident | null }
  | { kind: 'view'; incident: Incident };

/** Record → read it back with the checklist before the call → edit: one dialog at a time. */
export function useMistakeDialogs({
  currency,
  timeZone,
  showClient = false,
}: {
  currency: string;
  timeZone: string;
  showClient?: boolean;
}) {
  const { t } = useTranslation();
  const { open, show, close, render } = useDialogFlow<Open>();
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
        onEdit={() => show({ kind: 'form', clientId: incident.clientId, projectId: incident.projectId, incident })}
      />
    );
  }
  return {
    record: (clientId: string, projectId: string | null) => show({ kind: 'form', clientId, projectId, incident: null }),
    view: (incident: Incident) => show({ kind: 'view', incident }),
    dialog: render(title, body),
  };
}
