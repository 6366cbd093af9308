import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict, ConflictResolved } from '../../../../shared/schemas/care';
import { useDialogFlow } from '../../../components/ui/dialog-flow';
import type { Composer } from '../../../lib/composer-slot';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { composeConflictFollowup } from '../api/care-api';
import { useResolveConflict } from '../api/care-queries';
import { type ResolveDraft, ConflictResolveForm, initialResolveDraft } from './conflict-resolve';

type Open =
  | { kind: 'promises'; conflict: Conflict; draft: ResolveDraft }
  | { kind: 'followup'; conflict: Conflict; draft: ResolveDraft };

const promisesOf = (draft: ResolveDraft) =>
  draft.promises.map(({ direction, title, dueDate, dueTime }) => ({ direction, title, dueDate, dueTime }));

/** The chosen option → promises (→ the follow-up through the composer) → resolved, in one submit. */
export function useConflictResolution({
  composer,
  today,
  onResolved,
}: {
  composer: Composer;
  today: string;
  onResolved: (resolved: ConflictResolved) => void;
}) {
  const { t } = useTranslation();
  const MessageComposer = composer;
  const resolve = useResolveConflict();
  const { open, attempt, show, close, render } = useDialogFlow<Open>();
  const resolved = useRef<ConflictResolved | null>(null);

  const finish = (resolved: ConflictResolved) => {
    close();
    notifySuccess(t('care.resolve.resolved'));
    onResolved(resolved);
  };
  const input = (conflict: Conflict, draft: ResolveDraft) => ({
    chosenOption: conflict.chosenOption ?? 0,
    promises: promisesOf(draft).map((p) => ({ ...p, notes: null })),
    outcome: draft.outcome.trim() || null,
  });

  let title = '';
  let body = null;
  if (open?.kind === 'promises') {
    const { conflict, draft } = open;
    title = t('care.resolve.title');
    body = (
      <ConflictResolveForm
        conflict={conflict}
        today={today}
        initial={draft}
        busy={resolve.isPending}
        onCancel={close}
        onSubmit={(next) => {
          if (next.withMessage) return show({ kind: 'followup', conflict, draft: next });
          resolve.mutate(
            { id: conflict.id, input: input(conflict, next) },
            { onSuccess: finish, onError: notifyError },
          );
        }}
      />
    );
  } else if (open?.kind === 'followup') {
    const { conflict, draft } = open;
    title = t('care.resolve.messageTitle');
    body = (
      <MessageComposer
        request={{ kind: 'conflict_followup', clientId: conflict.clientId }}
        source={{
          key: ['conflict-followup', conflict.id, JSON.stringify(promisesOf(draft)), attempt],
          load: () =>
            composeConflictFollowup(conflict.id, {
              ...(conflict.chosenOption === null ? {} : { chosenOption: conflict.chosenOption }),
              promises: promisesOf(draft).map((p) => ({ ...p, notes: null })),
            }),
        }}
        clientName={conflict.clientName}
        send={async (message) => {
          resolved.current = await resolve.mutateAsync({
            id: conflict.id,
            input: { ...input(conflict, draft), message },
          });
          return resolved.current.sent;
        }}
        onBack={() => show({ kind: 'promises', conflict, draft })}
        onDone={() => (resolved.current ? finish(resolved.current) : close())}
        onCancel={close}
      />
    );
  }
  return {
    start: (conflict: Conflict) => show({ kind: 'promises', conflict, draft: initialResolveDraft(conflict, today) }),
    dialog: render(title, body),
  };
}
