import type { ImportantDateKind } from '../../../shared/schemas/clients';
import { type ReactNode, Suspense, createContext, lazy, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment, CommitmentDirection } from '../../../shared/schemas/commitments';
import type { Channel } from '../../../shared/schemas/common';
import type { Interaction } from '../../../shared/schemas/interactions';
import type { ComposeMessageInput, MessageSent } from '../../../shared/schemas/messages';
import type { NewDue } from '../../features/commitments/components/renegotiate-form';
import type { MessageDraft } from '../../lib/composer-slot';

type ClientRef = { id: string; name: string };

export type LogContactOptions = {
  client?: ClientRef | null;
  channel?: Channel;
  direction?: 'in' | 'out';
  withPromise?: boolean;
};

/**
 * One place for the acts that keep a word — log a contact, add a promise, "I haven't forgotten",
 * remind the client, send a meeting summary. Screens call these; the dialogs live in the shell
 * (word-action-dialogs.tsx), because they combine features (a client picker, a promise, a message)
 * that do not import each other.
 */
export type WordActions = {
  logContact: (options?: LogContactOptions) => void;
  addPromise: (options?: { client?: ClientRef | null; direction?: CommitmentDirection }) => void;
  renegotiate: (commitment: Commitment) => void;
  remind: (commitment: Commitment) => void;
  sendMeetingSummary: (interaction: Interaction) => void;
  reply: (interaction: Interaction) => void;
  /** A greeting for a birthday or an important date (Today's greetings). */
  greet: (greeting: {
    clientId: string;
    clientName: string;
    occasion: ImportantDateKind;
    label: string | null;
  }) => void;
};

export type Compose = {
  kind: 'compose';
  request: ComposeMessageInput;
  clientName: string;
  send?: (draft: MessageDraft) => Promise<MessageSent | null>;
  onBack?: () => void;
  doneMessage: string;
};

export type WordActionOpen =
  | { kind: 'log'; options: LogContactOptions }
  | { kind: 'promise'; client: ClientRef | null; direction: CommitmentDirection }
  | { kind: 'renegotiate'; commitment: Commitment; initial?: NewDue }
  | Compose
  | null;

const WordActionsContext = createContext<WordActions | null>(null);

export function useWordActions(): WordActions {
  const actions = useContext(WordActionsContext);
  if (!actions) throw new Error('useWordActions is used outside WordActionsProvider');
  return actions;
}

export type WordActionFlow = {
  open: NonNullable<WordActionOpen> | null;
  attempt: number;
  show: (next: NonNullable<WordActionOpen>) => void;
  close: () => void;
  composeMeetingSummary: (interaction: { id: string; clientId: string; clientName: string }) => void;
};

// The forms (dates, phones, the composer) are a chunk of their own, fetched when a dialog first
// opens: the signed-in frame paints without them.
const WordActionDialogs = lazy(() => import('./word-action-dialogs').then((m) => ({ default: m.WordActionDialogs })));

export function WordActionsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<NonNullable<WordActionOpen> | null>(null);
  // Every opening gets a new key (see useDialogFlow), so each starts from fresh values.
  const [attempt, setAttempt] = useState(0);
  const show = useCallback((next: NonNullable<WordActionOpen>) => {
    setOpen(next);
    setAttempt((n) => n + 1);
  }, []);
  const close = useCallback(() => setOpen(null), []);

  const composeMeetingSummary = useCallback(
    (interaction: { id: string; clientId: string; clientName: string }) =>
      show({
        kind: 'compose',
        request: { kind: 'meeting_summary', clientId: interaction.clientId, interactionId: interaction.id },
        clientName: interaction.clientName,
        doneMessage: t('messages.composer.doneSummary'),
      }),
    [show, t],
  );

  const actions = useMemo<WordActions>(
    () => ({
      logContact: (options = {}) => show({ kind: 'log', options }),
      addPromise: (options = {}) =>
        show({ kind: 'promise', client: options.client ?? null, direction: options.direction ?? 'mine' }),
      renegotiate: (commitment) => show({ kind: 'renegotiate', commitment }),
      remind: (commitment) =>
        show({
          kind: 'compose',
          request: { kind: 'client_reminder', clientId: commitment.clientId, commitmentId: commitment.id },
          clientName: commitment.clientName,
          doneMessage: t('messages.composer.doneReminder'),
        }),
      sendMeetingSummary: composeMeetingSummary,
      greet: (greeting) =>
        show({
          kind: 'compose',
          request: {
            kind: 'greeting',
            clientId: greeting.clientId,
            occasion: greeting.occasion,
            occasionLabel: greeting.label,
          },
          clientName: greeting.clientName,
          doneMessage: t('messages.composer.doneGreeting'),
        }),
      reply: (interaction) =>
        show({
          kind: 'log',
          options: {
            client: { id: interaction.clientId, name: interaction.clientName },
            channel: interaction.channel,
            direction: 'out',
          },
        }),
    }),
    [show, t, composeMeetingSummary],
  );

  return (
    <WordActionsContext.Provider value={actions}>
      {children}
      {attempt > 0 && (
        <Suspense fallback={null}>
          <WordActionDialogs
            open={open}
            attempt={attempt}
            show={show}
            close={close}
            composeMeetingSummary={composeMeetingSummary}
          />
        </Suspense>
      )}
    </WordActionsContext.Provider>
  );
}
