import {
  CHAT_MAX_FILE_BYTES,
  CONVERSATION_GAP_HOURS,
  type ChatCommitted,
  type ChatPreview,
  type ChatPromise,
  type ChatPromiseChoice,
} from '../../../shared/schemas/chat-import.js';
import type { Locale } from '../../../shared/schemas/common.js';
import { fromLocal } from '../../../shared/time/zoned.js';
import { AppError, fieldError } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { translate } from '../../lib/i18n.js';
import { inTransaction } from '../../lib/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { getClient } from '../clients/clients.service.js';
import { addCommitment } from '../commitments/commitments.service.js';
import { recordInteraction } from '../interactions/interactions.service.js';
import { findPromise } from './chat-promises.js';
import * as q from './chat-import.queries.js';
import {
  ChatFileError,
  chatText,
  messageKeys,
  parseChat,
  type ChatMessage,
  type ParsedChat,
} from './whatsapp.parser.js';

type Scope = { workspaceId: string };

export function chatTooLarge(): AppError {
  return new AppError('payload_too_large', {
    fields: [{ path: 'file', code: 'file_too_large', params: { limit: CHAT_MAX_FILE_BYTES / 1024 / 1024 } }],
  });
}

export type ChatUpload = { clientId: string; bytes: Uint8Array; me: string | null };

type KeyedMessage = ChatMessage & { key: string; mine: boolean; at: string };
type Conversation = { messages: KeyedMessage[] };

type Plan = {
  chat: ParsedChat;
  me: string | null;
  all: KeyedMessage[];
  fresh: KeyedMessage[];
  conversations: Conversation[];
  promises: ChatPromise[];
};

function readChat(bytes: Uint8Array): ParsedChat {
  if (bytes.length > CHAT_MAX_FILE_BYTES) throw chatTooLarge();
  if (bytes.length === 0) throw fieldError('file', 'required');
  try {
    return parseChat(chatText(bytes));
  } catch (error) {
    if (error instanceof ChatFileError) throw fieldError('file', error.reason);
    throw fieldError('file', 'unreadable_chat');
  }
}

/** What importing the chat for this client would add: the new messages, their conversations and promises. */
async function plan(deps: Deps, scope: Scope, upload: ChatUpload): Promise<Plan> {
  await getClient(deps, scope, upload.clientId);
  const chat = readChat(upload.bytes);
  const me = upload.me;
  if (me !== null && !chat.authors.some((a) => a.name === me)) throw fieldError('me', 'unknown_author');
  if (me === null) return { chat, me, all: [], fresh: [], conversations: [], promises: [] };
  const { timeZone } = await getBusinessProfile(deps, scope);
  const keys = messageKeys(chat.messages, (m) => (m.author === me ? 'me' : 'client'));
  const all = chat.messages.map((m, i) => {
    const instant = fromLocal(m.local, timeZone).getTime() + m.local.second * 1000;
    return { ...m, key: keys[i]!, mine: m.author === me, at: new Date(instant).toISOString() };
  });
  const existing = await q.existingKeys(deps.db.kysely, { workspaceId: scope.workspaceId, keys });
  const fresh = all.filter((m) => !existing.has(m.key)).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const conversations: Conversation[] = [];
  for (const m of fresh) {
    const last = conversations.at(-1)?.messages.at(-1);
    if (last && new Date(m.at).getTime() - new Date(last.at).getTime() <= CONVERSATION_GAP_HOURS * 3_600_000)
      conversations.at(-1)!.messages.push(m);
    else conversations.push({ messages: [m] });
  }
  const promises: ChatPromise[] = [];
  for (const m of fresh) {
    if (m.media) continue;
    const found = findPromise(m.text, m.local);
    if (found)
      promises.push({
        key: m.key,
        direction: m.mine ? 'mine' : 'theirs',
        sentence: found.sentence,
        saidAt: m.at,
        dueDate: found.dueDate,
        dueTime: found.dueTime,
      });
  }
  return { chat, me, all, fresh, conversations, promises };
}

/** The client named in the path, in the caller's workspace, before the upload is even read (else 404). */
export async function requireClient(deps: Deps, scope: Scope, clientId: string): Promise<void> {
  await getClient(deps, scope, clientId);
}

/** Step 1 (no `me`): who wrote and how much. Step 2 (with `me`): what the import adds and the promises found. */
export async function previewChat(deps: Deps, scope: Scope, upload: ChatUpload): Promise<ChatPreview> {
  const p = await plan(deps, scope, upload);
  const times = p.all.map((m) => m.at).sort();
  return {
    authors: p.chat.authors,
    me: p.me,
    messages: p.chat.messages.length,
    newMessages: p.fresh.length,
    duplicates: p.all.length - p.fresh.length,
    conversations: p.conversations.length,
    from: times[0] ?? null,
    to: times.at(-1) ?? null,
    promises: p.promises,
  };
}

const SUMMARY_LINES = 3;

/** The contact's summary: its first lines, who said them, and how many more there were. */
function summary(conversation: Conversation, locale: Locale): string {
  const lines = conversation.messages.slice(0, SUMMARY_LINES).map((m) => {
    const who = m.mine ? translate(locale, 'imports.chat.me') : m.author;
    const text = m.media ? translate(locale, 'imports.chat.media') : m.text.replace(/\s+/g, ' ');
    return `${who}: ${text.length > 300 ? `${text.slice(0, 299)}…` : text}`;
  });
  const more = conversation.messages.length - SUMMARY_LINES;
  if (more > 0) lines.push(translate(locale, 'imports.chat.more', { count: more }));
  return lines.join('\n').slice(0, 5000);
}

/**
 * Imports the chat as the preview showed it: one contact per conversation (who opened it is its
 * direction; an incoming one outside the client's hours is after-hours, as the contact log decides),
 * the messages' keys, and the promises kept from the offer, each linked to its conversation's
 * contact. One transaction: all of it or nothing.
 */
export async function commitChat(
  deps: Deps,
  scope: Scope,
  locale: Locale,
  upload: ChatUpload & { promises: ChatPromiseChoice[] },
): Promise<ChatCommitted> {
  if (upload.me === null) throw fieldError('me', 'required');
  return inTransaction(deps, async (deps) => {
    const p = await plan(deps, scope, upload);
    const offered = new Map(p.promises.map((x) => [x.key, x]));
    upload.promises.forEach((choice, i) => {
      if (!offered.has(choice.key)) throw fieldError(`promises.${i}.key`, 'unknown_promise');
    });
    const lastMine = p.fresh.filter((m) => m.mine).at(-1)?.at ?? '';
    const interactionOf = new Map<string, string>();
    const keyRows: Parameters<typeof q.insertKeys>[1] = [];
    const now = isoNow(deps.clock);
    for (const conversation of p.conversations) {
      const first = conversation.messages[0]!;
      const last = conversation.messages.at(-1)!;
      const row = await recordInteraction(deps, scope, {
        clientId: upload.clientId,
        contactId: null,
        channel: 'whatsapp',
        direction: first.mine ? 'out' : 'in',
        occurredAt: first.at,
        summary: summary(conversation, locale),
        // Waiting for my answer only when the client spoke last and I have not written since.
        needsReply: !last.mine && last.at > lastMine,
        source: 'import',
      });
      for (const m of conversation.messages) {
        interactionOf.set(m.key, row.id);
        keyRows.push({
          workspace_id: scope.workspaceId,
          message_key: m.key,
          client_id: upload.clientId,
          interaction_id: row.id,
          created_at: now,
        });
      }
    }
    await q.insertKeys(deps.db.kysely, keyRows);
    for (const choice of upload.promises)
      await addCommitment(deps, scope, {
        clientId: upload.clientId,
        interactionId: interactionOf.get(choice.key)!,
        direction: choice.direction,
        title: choice.title,
        dueDate: choice.dueDate,
        dueTime: choice.dueTime,
        notes: null,
      });
    const counts = {
      conversations: p.conversations.length,
      messages: p.fresh.length,
      skipped: p.all.length - p.fresh.length,
      commitments: upload.promises.length,
    };
    await recordAudit(deps, scope, { action: 'chat_imported', clientId: upload.clientId, detail: counts });
    return counts;
  });
}
