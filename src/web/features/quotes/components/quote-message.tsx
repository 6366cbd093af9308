import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quote, QuoteMessageKind, QuoteSent } from '../../../../shared/schemas/quotes';
import { UserText } from '../../../components/ui/bidi';
import type { Composer, MessageDraft } from '../../../lib/composer-slot';
import { notifySuccess } from '../../../lib/notify';
import { composeQuoteMessage } from '../api/quotes-api';
import { ClientLinkAlert } from './client-link-alert';
import { QuoteStatusBadge } from './quote-status';

/** Where the client's personal link goes in the text (the server puts it there when sending). */
const LINK_TOKEN = '{{link}}';

/** One of the quote's messages to write: what it says, and the call that sends it. */
export type QuoteCompose = {
  kind: QuoteMessageKind;
  reason?: string;
  goodwill?: string;
  send: (draft: MessageDraft) => Promise<QuoteSent>;
};

/** "Send quote 2026-014 · Dana": the dialog's title for a quote message. */
export function QuoteMessageTitle({ quote, kind }: { quote: Quote; kind: QuoteMessageKind }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`quotes.send.title_${kind}`, { number: quote.number })}{' '}
      <Text span c="dimmed" fw={500}>
        <UserText>{quote.clientName}</UserText>
      </Text>
    </>
  );
}

type Props = {
  quote: Quote;
  compose: QuoteCompose;
  /** Counts the openings, so each one composes afresh. */
  attempt: number;
  clientUrl: string | null;
  composer: Composer;
  onLink: (url: string) => void;
  onClose: () => void;
};

/** The quote's message in the composer; after sending, the status and the client's link (shown once). */
export function QuoteMessage({
  quote,
  compose,
  attempt,
  clientUrl,
  composer: MessageComposer,
  onLink,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const marker = t('quotes.send.linkMarker');
  return (
    <MessageComposer
      request={{ kind: compose.kind, clientId: quote.clientId }}
      source={{
        key: ['quote', quote.id, compose.kind, compose.reason ?? '', compose.goodwill ?? '', attempt],
        // The editable text says "[link to the quote]" in words; it goes back to {{link}} when sent.
        load: async () => {
          const composed = await composeQuoteMessage(quote.id, {
            kind: compose.kind,
            ...(compose.reason ? { reason: compose.reason } : {}),
            ...(compose.goodwill ? { goodwill: compose.goodwill } : {}),
          });
          return { ...composed, body: composed.body.replaceAll(LINK_TOKEN, marker) };
        },
      }}
      clientName={quote.clientName}
      hint={compose.kind === 'quote_error_honour' ? undefined : t('quotes.send.linkHint', { token: marker })}
      send={async (draft) => {
        const result = await compose.send({ ...draft, body: draft.body.replaceAll(marker, LINK_TOKEN) });
        if (result.url) onLink(result.url);
        return result.sent;
      }}
      sentExtra={
        <Stack gap="xs">
          <Group gap="xs">
            <Text size="sm">{t('quotes.send.statusNow')}</Text>
            <QuoteStatusBadge status={quote.status} />
          </Group>
          {clientUrl ? <ClientLinkAlert url={clientUrl} /> : null}
        </Stack>
      }
      onDone={() => {
        onClose();
        notifySuccess(t('quotes.send.done'));
      }}
      onCancel={onClose}
    />
  );
}
