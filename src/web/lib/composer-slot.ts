import type { ComponentType, ReactNode } from 'react';
import type { ComposeMessageInput, MessageComposed, MessageSent, SendChannel } from '../../shared/schemas/messages';

/** The text as the user edited it, ready to leave by its channel. */
export type MessageDraft = { channel: SendChannel; subject: string | null; body: string };

/** Fills the draft from another endpoint (a quote's message, a delay notice) instead of POST /messages/compose. */
export type ComposeSource = { key: readonly unknown[]; load: () => Promise<MessageComposed> };

/**
 * What a workflow hands the message composer. Features do not import each other, so the page
 * passes the composer (features/messages) to the feature that needs one, typed by this contract.
 */
export type ComposerProps = {
  request: ComposeMessageInput;
  clientName: string;
  source?: ComposeSource;
  /** How the edited message leaves; by default POST /messages. */
  send?: (draft: MessageDraft) => Promise<MessageSent | null>;
  /** A note under the text (e.g. that {{link}} becomes the client's personal link). */
  hint?: ReactNode;
  /** Shown after sending, under what happened (e.g. the client's link, shown once). */
  sentExtra?: ReactNode;
  onBack?: () => void;
  onDone: (sent: MessageSent | null) => void;
  onCancel: () => void;
};

export type Composer = ComponentType<ComposerProps>;
