import { Alert, Badge, Button, CopyButton, Group, Skeleton, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../../shared/phone';
import {
  type MessageComposed,
  type SendChannel,
  type MessageSent,
  ZMessageDraft,
} from '../../../../shared/schemas/messages';
import { isolate } from '../../../../shared/text';
import { Ltr, UserText } from '../../../components/ui/bidi';
import {
  AlertIcon,
  CheckIcon,
  CopyIcon,
  ExternalIcon,
  GlobeIcon,
  MailIcon,
  MessageIcon,
  WhatsAppIcon,
} from '../../../components/ui/icons';
import { isApiError } from '../../../lib/api-client';
import type { ComposerProps, MessageDraft } from '../../../lib/composer-slot';
import { notifyError } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useComposed, useSendMessage } from '../api/message-queries';

type Props = ComposerProps & {
  backLabel?: string;
  /** Where to read about setting up e-mail (Settings → Outbox). */
  emailHelp?: ReactNode;
};

/**
 * Every client-facing message: the filled-in template in the client's language, the agreed
 * channel first, editable, then sent by e-mail or opened in WhatsApp / SMS — and logged.
 */
export function MessageComposer({
  request,
  clientName,
  send,
  onBack,
  backLabel,
  onDone,
  onCancel,
  emailHelp,
  source,
  hint,
  sentExtra,
}: Props) {
  const { t } = useTranslation();
  const composed = useComposed(request, source);
  const sendMessage = useSendMessage();
  const defaultSend = (draft: MessageDraft) =>
    sendMessage.mutateAsync({
      kind: request.kind,
      clientId: request.clientId,
      ...(request.commitmentId ? { commitmentId: request.commitmentId } : {}),
      ...(request.interactionId ? { interactionId: request.interactionId } : {}),
      ...draft,
    });

  if (composed.isError) {
    return (
      <Stack gap="md">
        <Alert color="red" icon={<AlertIcon />} title={t('errors.title')}>
          {composed.error.message}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack ?? onCancel}>
            {onBack ? (backLabel ?? t('actions.back')) : t('actions.close')}
          </Button>
          <Button onClick={() => void composed.refetch()}>{t('actions.retry')}</Button>
        </Group>
      </Stack>
    );
  }
  if (!composed.data) {
    return (
      <Stack gap="sm" aria-busy="true">
        <Text size="sm" role="status">
          {t('messages.composer.preparing')}
        </Text>
        <Skeleton height={36} />
        <Skeleton height={180} />
      </Stack>
    );
  }
  return (
    <ComposerEditor
      composed={composed.data}
      clientName={clientName}
      send={send ?? defaultSend}
      onBack={onBack}
      backLabel={backLabel}
      onDone={onDone}
      onCancel={onCancel}
      emailHelp={emailHelp}
      hint={hint}
      sentExtra={sentExtra}
    />
  );
}

type EditorProps = Omit<Props, 'request' | 'send' | 'source'> & {
  composed: MessageComposed;
  send: (draft: MessageDraft) => Promise<MessageSent | null>;
};

const ZText = ZMessageDraft.pick({ subject: true, body: true });

function ComposerEditor({
  composed,
  clientName,
  send,
  onBack,
  backLabel,
  onDone,
  onCancel,
  emailHelp,
  hint,
  sentExtra,
}: EditorProps) {
  const { t } = useTranslation();
  const form = useSchemaForm({ schema: ZText, initialValues: { subject: composed.subject, body: composed.body } });
  const [busy, setBusy] = useState<SendChannel | null>(null);
  const [result, setResult] = useState<{ sent: MessageSent | null } | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const helpId = useId();
  const { recipients } = composed;
  const languageName = t(`languages.${composed.locale}`);

  const emailBlocked = !composed.emailAvailable
    ? t('messages.composer.emailNotConfigured')
    : !recipients.email
      ? t('messages.composer.noEmail')
      : null;
  const whatsappBlocked = recipients.whatsapp ? null : t('messages.composer.noWhatsapp');
  const smsBlocked = recipients.phone ? null : t('messages.composer.noPhone');

  const sendVia = (channel: SendChannel) => {
    if (!form.check('')) return;
    // Phones only open a new tab from the tap itself: open it now, point it at the link when ready.
    const popup = channel === 'email' ? null : window.open('', '_blank');
    setBusy(channel);
    setSendError(null);
    const subject = form.values.subject.trim();
    send({ channel, subject: channel === 'email' && subject ? subject : null, body: form.values.body })
      .then((sent) => {
        setResult({ sent });
        if (popup) {
          if (sent?.link) {
            popup.opener = null;
            popup.location.href = sent.link;
          } else popup.close();
        }
      })
      .catch((error: unknown) => {
        popup?.close();
        if (isApiError(error) && error.fields.length > 0) {
          form.setServerErrors(error.fields);
          setSendError(error.fields.map((f) => f.message).join(' '));
        } else notifyError(error);
      })
      .finally(() => setBusy(null));
  };

  if (result)
    return (
      <SentPanel sent={result.sent} clientName={clientName} extra={sentExtra} onDone={() => onDone(result.sent)} />
    );

  const actions: {
    channel: SendChannel;
    label: string;
    icon: ReactNode;
    blocked: string | null;
    detail: string | null;
  }[] = [
    {
      channel: 'email',
      label: t('messages.composer.sendEmail'),
      icon: <MailIcon size={18} />,
      blocked: emailBlocked,
      detail: recipients.email,
    },
    {
      channel: 'whatsapp',
      label: t('messages.composer.openWhatsapp'),
      icon: <WhatsAppIcon size={18} />,
      blocked: whatsappBlocked,
      detail: recipients.whatsapp ? formatPhone(recipients.whatsapp) : null,
    },
    {
      channel: 'sms',
      label: t('messages.composer.openSms'),
      icon: <MessageIcon size={18} />,
      blocked: smsBlocked,
      detail: recipients.phone ? formatPhone(recipients.phone) : null,
    },
  ];
  // The agreed channel comes first and stands out.
  actions.sort((a, b) => Number(b.channel === composed.channel) - Number(a.channel === composed.channel));
  const blockedNotes = actions.filter((a) => a.blocked !== null);
  const showSubject = composed.channel === 'email' || emailBlocked === null;

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {t('messages.composer.to')} <UserText>{clientName}</UserText>
          </Text>
          <Badge variant="light" color="blue" c="blue.9" radius="sm" leftSection={<GlobeIcon size={12} />}>
            {t('messages.composer.language', { language: languageName })}
          </Badge>
        </Group>
        <Group gap="md" wrap="wrap">
          {recipients.whatsapp && (
            <Text size="sm" c="dimmed">
              {t('channels.whatsapp')}
              {t('common.labelSeparator')}
              <Ltr>{formatPhone(recipients.whatsapp)}</Ltr>
            </Text>
          )}
          {recipients.phone && recipients.phone !== recipients.whatsapp && (
            <Text size="sm" c="dimmed">
              {t('channels.sms')}
              {t('common.labelSeparator')}
              <Ltr>{formatPhone(recipients.phone)}</Ltr>
            </Text>
          )}
          {recipients.email && (
            <Text size="sm" c="dimmed">
              {t('channels.email')}
              {t('common.labelSeparator')}
              <Ltr>{recipients.email}</Ltr>
            </Text>
          )}
        </Group>
      </Stack>
      {showSubject && (
        <TextInput
          label={t('messages.composer.subject')}
          description={t('messages.composer.subjectHint')}
          value={form.values.subject}
          onChange={(e) => form.set('subject', e.currentTarget.value)}
          error={form.error('subject')}
          dir={composed.locale === 'he' ? 'rtl' : 'ltr'}
          lang={composed.locale}
        />
      )}
      <Textarea
        label={t('messages.composer.body')}
        description={t('messages.composer.bodyHint', { language: languageName })}
        autosize
        minRows={8}
        maxRows={18}
        value={form.values.body}
        onChange={(e) => form.set('body', e.currentTarget.value)}
        error={form.error('body')}
        dir={composed.locale === 'he' ? 'rtl' : 'ltr'}
        lang={composed.locale}
        data-autofocus
      />
      {hint && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
      {sendError && (
        <Alert color="red" icon={<AlertIcon />} role="alert">
          {sendError}
        </Alert>
      )}
      <Stack gap="xs">
        <Group
          gap="xs"
          wrap="wrap"
          aria-describedby={blockedNotes.length ? helpId : undefined}
          role="group"
          aria-label={t('messages.composer.sendOptions')}
        >
          {actions.map((action) => (
            <Button
              key={action.channel}
              variant={action.channel === composed.channel ? 'filled' : 'light'}
              leftSection={action.icon}
              disabled={action.blocked !== null || (busy !== null && busy !== action.channel)}
              loading={busy === action.channel}
              onClick={() => sendVia(action.channel)}
            >
              {action.label}
            </Button>
          ))}
          <CopyButton value={form.values.body}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                leftSection={copied ? <CheckIcon size={18} /> : <CopyIcon size={18} />}
                onClick={copy}
              >
                {copied ? t('messages.composer.copied') : t('messages.composer.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        {blockedNotes.length > 0 && (
          <Stack gap={2} id={helpId}>
            {blockedNotes.map((a) => (
              <Text key={a.channel} size="xs" c="dimmed">
                {a.blocked}
                {a.channel === 'email' && !composed.emailAvailable && emailHelp ? <> {emailHelp}</> : null}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
      <Group justify="space-between" gap="sm">
        {onBack ? (
          <Button variant="subtle" onClick={onBack}>
            {backLabel ?? t('actions.back')}
          </Button>
        ) : (
          <span />
        )}
        <Button variant="subtle" color="gray" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** After sending: what happened, and the link again for a phone that blocked the new tab. */
function SentPanel({
  sent,
  clientName,
  extra,
  onDone,
}: {
  sent: MessageSent | null;
  clientName: string;
  extra?: ReactNode;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const channel = sent?.message.channel;
  return (
    <Stack gap="md" role="status">
      <Group gap="xs" c="mila.9" wrap="nowrap">
        <CheckIcon size={22} />
        <Text fw={600}>{channel === 'email' ? t('messages.composer.queued') : t('messages.composer.opened')}</Text>
      </Group>
      <Text size="sm">{t('messages.composer.logged', { name: isolate(clientName) })}</Text>
      {sent?.link && (
        <div>
          <Button
            component="a"
            href={sent.link}
            target="_blank"
            rel="noopener noreferrer"
            variant="light"
            leftSection={channel === 'sms' ? <MessageIcon size={18} /> : <WhatsAppIcon size={18} />}
            rightSection={<ExternalIcon size={14} />}
          >
            {channel === 'sms' ? t('messages.composer.openSmsAgain') : t('messages.composer.openWhatsappAgain')}
          </Button>
          <Text size="xs" c="dimmed" mt={4}>
            {t('messages.composer.openAgainHint')}
          </Text>
        </div>
      )}
      {extra}
      <Group justify="flex-end">
        <Button onClick={onDone} data-autofocus>
          {t('messages.composer.done')}
        </Button>
      </Group>
    </Stack>
  );
}
