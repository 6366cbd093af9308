import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading';
import { useMe } from '../../features/accounts/api/session-api';
import { clientQuery } from '../../features/clients/api/client-queries';
import { ClientPicker } from '../../features/clients/components/client-picker';
import { useCreateQuote, useTermsTemplates } from '../../features/quotes/api/quote-queries';
import { QuoteEditor } from '../../features/quotes/components/quote-editor';
import { newQuoteValues } from '../../features/quotes/components/quote-form-values';
import { currentLanguage } from '../../lib/i18n';
import { notifySuccess } from '../../lib/notify';
import { ClientTypeHint } from '../shell/client-type-hint';
import { usePageTitle } from '../../lib/use-page-title';
import { todayIn } from '../../lib/zoned-dates';

const route = getRouteApi('/_app/quotes/new');

/** A new quote: from scratch, for a client, or from a logged meeting (its agreed text becomes the notes). */
export function QuoteNewPage() {
  const { t } = useTranslation();
  const { clientId, interactionId } = route.useSearch();
  const me = useMe();
  const navigate = useNavigate();
  const templates = useTermsTemplates();
  const client = useQuery({ ...clientQuery(clientId ?? ''), enabled: clientId !== undefined });
  const create = useCreateQuote();
  usePageTitle(t('quotes.editor.titleNew'));
  const workspace = me.workspace;
  const exempt = workspace.dealerType === 'exempt';

  const waitingForClient = clientId !== undefined && client.isPending;
  if (templates.isPending || waitingForClient) return <Loading label={t('common.loading')} />;
  if (templates.isError) return <Text c="var(--mantine-color-error)">{templates.error.message}</Text>;
  const language = currentLanguage();
  const preferred = templates.data.find((tpl) => tpl.locale === language) ?? templates.data[0] ?? null;
  const presetClient = clientId && client.data ? { id: client.data.id, name: client.data.name } : null;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('quotes.editor.titleNew')}
      </Title>
      <QuoteEditor
        initialValues={newQuoteValues({
          today: todayIn(workspace.timeZone),
          clientId: presetClient?.id ?? null,
          clientName: presetClient?.name ?? null,
          terms: preferred?.terms ?? null,
        })}
        templates={templates.data}
        currency={workspace.currency}
        vatBasisPoints={exempt ? 0 : workspace.vatRateBasisPoints}
        exempt={exempt}
        mode="new"
        intro={
          interactionId ? (
            <Text size="sm" c="dimmed">
              {t('quotes.editor.fromMeeting')}
            </Text>
          ) : undefined
        }
        renderClientField={(props) => (
          <>
            <ClientPicker
              label={t('quotes.editor.client')}
              value={props.value}
              valueLabel={props.valueLabel}
              onChange={props.onChange}
              error={props.error}
              clearLabel={t('quotes.editor.clearClient')}
              required
            />
            <ClientTypeHint clientId={props.value} />
          </>
        )}
        submitLabel={t('quotes.editor.create')}
        onSubmit={async (data) => {
          const { clientId: chosen, ...content } = data;
          const quote = await create.mutateAsync({
            ...content,
            clientId: chosen,
            ...(interactionId && chosen === clientId ? { interactionId } : {}),
          });
          notifySuccess(t('quotes.editor.created', { number: quote.number }));
          await navigate({ to: '/quotes/$quoteId', params: { quoteId: quote.id } });
        }}
        onCancel={() => window.history.back()}
      />
    </Stack>
  );
}
