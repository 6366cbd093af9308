import { Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading';
import { useMe } from '../../features/accounts/api/session-api';
import { MessageComposer } from '../../features/messages/components/message-composer';
import { useQuote } from '../../features/quotes/api/quote-queries';
import { QuoteWorkflow } from '../../features/quotes/components/quote-workflow';
import { ClientTypeHint } from '../shell/client-type-hint';
import { usePageTitle } from '../../lib/use-page-title';

const route = getRouteApi('/_app/quotes/$quoteId');

export function QuotePage() {
  const { t } = useTranslation();
  const { quoteId } = route.useParams();
  const me = useMe();
  const quote = useQuote(quoteId);
  usePageTitle(quote.data ? t('quotes.editor.titleEdit', { number: quote.data.number }) : null);
  if (quote.isPending) return <Loading label={t('common.loading')} />;
  if (quote.isError) return <Text c="var(--mantine-color-error)">{quote.error.message}</Text>;
  return (
    <QuoteWorkflow
      key={quote.data.id}
      quote={quote.data}
      timeZone={me.workspace.timeZone}
      exempt={me.workspace.dealerType === 'exempt'}
      currency={me.workspace.currency}
      canPrint={me.capabilities.pdf}
      composer={MessageComposer}
      clientHint={<ClientTypeHint clientId={quote.data.clientId} />}
    />
  );
}
