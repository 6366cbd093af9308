import { z } from 'zod';
import { ZCommitmentDirection } from './commitments.js';
import { ZLocalDate, ZLocalTime } from './common.js';

/** A chat export up to 20 MB (without media it is a few hundred KB even for years of messages). */
export const CHAT_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Messages further apart than this start a new conversation: one contact in the log each. */
export const CONVERSATION_GAP_HOURS = 4;

export const ZChatAuthor = z.object({ name: z.string(), count: z.number().int() });

export const ZChatPromise = z
  .object({
    key: z.string().meta({ description: 'The stable key of the message it was said in' }),
    direction: ZCommitmentDirection,
    sentence: z.string(),
    saidAt: z.string(),
    dueDate: z.string(),
    dueTime: z.string().nullable(),
  })
  .meta({ id: 'ChatPromise' });
export type ChatPromise = z.infer<typeof ZChatPromise>;

export const ZChatPreview = z
  .object({
    authors: z.array(ZChatAuthor).meta({ description: 'Everyone who wrote, most messages first' }),
    me: z.string().nullable(),
    messages: z.number().int(),
    newMessages: z.number().int(),
    duplicates: z.number().int().meta({ description: 'Already imported (this export or the other phone’s): skipped' }),
    conversations: z.number().int().meta({ description: 'New contacts the import will log' }),
    from: z.string().nullable(),
    to: z.string().nullable(),
    promises: z.array(ZChatPromise),
  })
  .meta({ id: 'ChatPreview' });
export type ChatPreview = z.infer<typeof ZChatPreview>;

export const ZChatPromiseChoice = z.object({
  key: z.string().min(1).max(128),
  direction: ZCommitmentDirection,
  title: z.string().trim().min(1, { error: 'required' }).max(300, { error: 'too_long' }),
  dueDate: ZLocalDate,
  dueTime: ZLocalTime.nullable(),
});
export const ZChatPromiseChoices = z.array(ZChatPromiseChoice).max(500, { error: 'too_many' });
export type ChatPromiseChoice = z.infer<typeof ZChatPromiseChoice>;

export const ZChatCommitted = z
  .object({
    conversations: z.number().int(),
    messages: z.number().int(),
    skipped: z.number().int(),
    commitments: z.number().int(),
  })
  .meta({ id: 'ChatCommitted' });
export type ChatCommitted = z.infer<typeof ZChatCommitted>;

export const ZSharedFile = z
  .object({ token: z.string(), name: z.string(), size: z.number().int() })
  .meta({ id: 'SharedFile' });
