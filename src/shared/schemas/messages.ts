import { z } from 'zod';
import { greetingHolidays } from '../time/hebrew-dates.js';
import { importantDateKinds } from './clients.js';
import { ZId, ZIsoDateTime, ZLocalDate, ZLocalTime, ZLocale, optionalText, requiredText } from './common.js';
import { ZCommitment, ZRenegotiateCommitment } from './commitments.js';

/** Client-facing message kinds; later issues add quotes, delay notices, apologies, greetings… */
export const messageKinds = [
  'not_forgotten',
  'meeting_summary',
  'client_reminder',
  'quote',
  'quote_error_honour',
  'quote_error_reissue',
  'terms',
  'delay_notice',
  'change_order',
  'scope_goodwill',
  'scope_formal_quote',
  'scope_deterrent',
  'scope_subcontract',
  'scope_refer',
  'scope_decline',
  'materials_request',
  'payment_reminder',
  'apology',
  'conflict_followup',
  'agreed_channel',
  'referral_thanks',
  'farewell',
  'greeting',
  'holiday_greeting',
] as const;
export const ZMessageKind = z.enum(messageKinds, { error: 'invalid_choice' });
export type MessageKind = z.infer<typeof ZMessageKind>;

/** How a message leaves: e-mail goes through Mila's outbox; the others open on the user's phone. */
export const sendChannels = ['email', 'whatsapp', 'sms'] as const;
export const ZSendChannel = z.enum(sendChannels, { error: 'invalid_choice' });
export type SendChannel = z.infer<typeof ZSendChannel>;

export const templateVariables: Record<MessageKind, string[]> = {
  not_forgotten: ['clientName', 'what', 'newDue', 'reason', 'myName', 'businessName'],
  meeting_summary: ['clientName', 'meetingDate', 'agreed', 'nextSteps', 'myName', 'businessName'],
  client_reminder: ['clientName', 'what', 'due', 'myName', 'businessName'],
  quote: ['clientName', 'quoteNumber', 'quoteTitle', 'quoteTotal', 'validUntil', 'link', 'myName', 'businessName'],
  quote_error_honour: ['clientName', 'quoteNumber', 'reason', 'myName', 'businessName'],
  quote_error_reissue: ['clientName', 'quoteNumber', 'reason', 'link', 'goodwill', 'myName', 'businessName'],
  terms: ['clientName', 'terms', 'myName', 'businessName'],
  delay_notice: ['clientName', 'projectTitle', 'statusText', 'causeLine', 'newDate', 'myName', 'businessName'],
  change_order: [
    'clientName',
    'quoteNumber',
    'quoteTitle',
    'quoteTotal',
    'validUntil',
    'link',
    'myName',
    'businessName',
  ],
  scope_goodwill: ['clientName', 'what', 'myName', 'businessName'],
  scope_formal_quote: ['clientName', 'what', 'due', 'myName', 'businessName'],
  scope_deterrent: ['clientName', 'what', 'price', 'myName', 'businessName'],
  scope_subcontract: ['clientName', 'what', 'colleagueName', 'colleagueDoes', 'myName', 'businessName'],
  scope_refer: ['clientName', 'what', 'colleagueName', 'colleagueDoes', 'colleagueContact', 'myName', 'businessName'],
  scope_decline: ['clientName', 'what', 'myName', 'businessName'],
  materials_request: ['clientName', 'what', 'due', 'myName', 'businessName'],
  payment_reminder: ['clientName', 'label', 'amount', 'due', 'myName', 'businessName'],
  apology: ['clientName', 'mistake', 'fixLine', 'fixByLine', 'compensationLine', 'myName', 'businessName'],
  conflict_followup: ['clientName', 'reflectionLine', 'agreed', 'promisesLine', 'myName', 'businessName'],
  agreed_channel: ['clientName', 'channel', 'hours', 'myName', 'businessName'],
  referral_thanks: ['clientName', 'referredName', 'myName', 'businessName'],
  farewell: ['clientName', 'referralLine', 'myName', 'businessName'],
  greeting: ['clientName', 'occasionTitle', 'occasionLine', 'myName', 'businessName'],
  holiday_greeting: ['clientName', 'holidayTitle', 'holidayLine', 'myName', 'businessName'],
};

export const ZMessageTemplate = z
  .object({
    kind: ZMessageKind,
    locale: ZLocale,
    subject: z.string(),
    body: z.string(),
    isDefault: z.boolean(),
    variables: z.array(z.string()),
  })
  .meta({ id: 'MessageTemplate' });
export type MessageTemplate = z.infer<typeof ZMessageTemplate>;
export const ZMessageTemplateList = z.object({ items: z.array(ZMessageTemplate) }).meta({ id: 'MessageTemplateList' });
export type MessageTemplateList = z.infer<typeof ZMessageTemplateList>;

export const ZUpdateTemplate = z
  .object({ subject: requiredText(300), body: requiredText(10_000) })
  .meta({ id: 'UpdateTemplate' });
export type UpdateTemplate = z.infer<typeof ZUpdateTemplate>;

export const ZComposeMessage = z
  .object({
    kind: ZMessageKind,
    clientId: ZId,
    commitmentId: ZId.optional(),
    interactionId: ZId.optional(),
    /** For "haven't forgotten you": the new time to promise. */
    newDueDate: ZLocalDate.optional(),
    newDueTime: ZLocalTime.nullish(),
    reason: optionalText(500),
    /** For a greeting: which important date it is for, and its label. */
    occasion: z.enum(importantDateKinds, { error: 'invalid_choice' }).optional(),
    occasionLabel: optionalText(80),
    /** For a holiday greeting. */
    holiday: z.enum(greetingHolidays, { error: 'invalid_choice' }).optional(),
  })
  .meta({ id: 'ComposeMessageInput' });
export type ComposeMessage = z.infer<typeof ZComposeMessage>;
export type ComposeMessageInput = z.input<typeof ZComposeMessage>;

export const ZMessageComposed = z
  .object({
    kind: ZMessageKind,
    locale: ZLocale,
    channel: ZSendChannel.meta({ description: 'Preselected from the client’s agreed channel' }),
    subject: z.string(),
    body: z.string(),
    recipients: z.object({
      email: z.string().nullable(),
      phone: z.string().nullable(),
      whatsapp: z.string().nullable(),
    }),
    emailAvailable: z.boolean().meta({ description: 'False until SMTP is configured' }),
  })
  .meta({ id: 'ComposedMessage' });
export type MessageComposed = z.infer<typeof ZMessageComposed>;

export const ZMessageDraft = z
  .object({
    channel: ZSendChannel,
    subject: optionalText(300),
    body: requiredText(10_000),
  })
  .meta({ id: 'MessageDraft' });
export type MessageDraft = z.infer<typeof ZMessageDraft>;

export const ZSendMessage = z
  .object({
    kind: ZMessageKind,
    clientId: ZId,
    commitmentId: ZId.optional(),
    interactionId: ZId.optional(),
    ...ZMessageDraft.shape,
  })
  .meta({ id: 'SendMessage' });
export type SendMessage = z.infer<typeof ZSendMessage>;
export type SendMessageInput = z.input<typeof ZSendMessage>;

export const messageStatuses = ['queued', 'sent', 'failed', 'opened'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/** An e-mail in the outbox: waiting (and retried), sent, or given up after the last attempt. */
export const outboxStatuses = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** In-app reminders and the owner's news about quotes. */
export const notificationKinds = [
  'due_soon',
  'overdue',
  'theirs_overdue',
  'quote_accepted',
  'quote_declined',
  'referral_thanks',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const ZNotification = z
  .object({
    id: z.string(),
    kind: z.enum(notificationKinds),
    refId: z.string(),
    clientId: z.string().nullable(),
    title: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof ZNotification>;

export const ZNotificationList = z
  .object({ items: z.array(ZNotification), unread: z.number().int() })
  .meta({ id: 'NotificationList' });

export const ZMarkNotificationsRead = z
  .object({ ids: z.union([z.array(z.string()).max(200), z.literal('all')]) })
  .meta({ id: 'MarkRead' });
export type MarkNotificationsRead = z.infer<typeof ZMarkNotificationsRead>;

export const ZMessage = z
  .object({
    id: ZId,
    clientId: ZId,
    kind: ZMessageKind,
    channel: ZSendChannel,
    locale: ZLocale,
    recipient: z.string().nullable(),
    subject: z.string().nullable(),
    body: z.string(),
    status: z.enum(messageStatuses),
    createdAt: ZIsoDateTime,
    sentAt: ZIsoDateTime.nullable(),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof ZMessage>;

export const ZMessageSent = z
  .object({
    message: ZMessage,
    interactionId: ZId,
    /** For WhatsApp / SMS: the link that opens the text on the user's phone. */
    link: z.string().nullable(),
  })
  .meta({ id: 'SentMessage' });
export type MessageSent = z.infer<typeof ZMessageSent>;

export const ZOutbox = z
  .object({
    /** False until SMTP is configured (MILA_SMTP_URL): e-mail then cannot be sent at all. */
    emailAvailable: z.boolean(),
    items: z.array(
      z.object({
        id: z.string(),
        purpose: z.string(),
        recipient: z.string(),
        subject: z.string(),
        status: z.string(),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        nextAttemptAt: z.string(),
        sentAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Outbox' });
export type Outbox = z.infer<typeof ZOutbox>;

/** The answer to "I haven't forgotten you": the moved promise and the message, if one went out. */
export const ZRenegotiated = z
  .object({ commitment: ZCommitment, sent: ZMessageSent.nullable() })
  .meta({ id: 'Renegotiated' });

/** "I haven't forgotten you": the new due time and, optionally, the message that says so. */
export const ZRenegotiateWithNotice = ZRenegotiateCommitment.extend({ message: ZMessageDraft.optional() });
export type RenegotiateWithNotice = z.infer<typeof ZRenegotiateWithNotice>;
export type RenegotiateWithNoticeInput = z.input<typeof ZRenegotiateWithNotice>;
