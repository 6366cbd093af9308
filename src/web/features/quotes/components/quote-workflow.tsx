import { Alert, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../shared/schemas/quotes';
import { useDialogFlow } from '../../../components/ui/dialog-flow';
import { AlertIcon } from '../../../components/ui/icons';
import type { Composer } from '../../../lib/composer-slot';
import { notifySuccess } from '../../../lib/notify';
import { useReportMistake, useSendQuote, useTermsTemplates, useUpdateQuote } from '../api/quote-queries';
import { ClientLinkAlert } from './client-link-alert';
import { QuoteActions } from './quote-actions';
import { QuoteEditor } from './quote-editor';
import { type QuoteFormOutput, quoteToValues } from './quote-form-values';
import { QuoteHeader } from './quote-header';
import { type QuoteCompose, QuoteMessage, QuoteMessageTitle } from './quote-message';
import { QuoteReadView } from './quote-read-view';
import { VersionHistory } from './quote-view';
import { ReportMistakeForm } from './report-mistake-form';
import { RevokeLinksConfirm } from './revoke-links-confirm';

type Open = { kind: 'compose'; compose: QuoteCompose } | { kind: 'mistake' } | { kind: 'revoke' };
type Reissue = { reason: string; goodwill: string };

type Props = {
  quote: Quote;
  timeZone: string;
  exempt: boolean;
  currency: string;
  canPrint: boolean;
  /** The message composer (features/messages), passed in by the page. */
  composer: Composer;
  /** The client's playbook hint (features/care), shown above the editor. */
  clientHint?: ReactNode;
};

/**
 * A quote's whole life on one screen: edit the draft, send it, edit a sent one into a new version,
 * own up to a mistake (honour the price or re-issue), revoke the client's links, read old versions.
 */
export function QuoteWorkflow({ quote, timeZone, exempt, currency, canPrint, composer, clientHint }: Props) {
  const { t } = useTranslation();
  const templates = useTermsTemplates();
  const update = useUpdateQuote(quote.id);
  const send = useSendQuote(quote.id);
  const mistake = useReportMistake(quote.id);
  const { open, attempt: openCount, show, close, render } = useDialogFlow<Open>();
  const [clientUrl, setClientUrl] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  const [reissue, setReissue] = useState<Reissue | null>(null);
  const [pickedVersion, setShownVersion] = useState<number | null>(null);
  const shownVersion = pickedVersion ?? quote.current.version;

  const isDraft = quote.status === 'draft';
  const isOut = quote.status === 'sent' || quote.status === 'viewed' || quote.status === 'expired';
  const editorProps = {
    initialValues: quoteToValues(quote),
    templates: templates.data ?? [],
    vatBasisPoints: quote.current.vatRateBasisPoints,
    exempt,
    renderClientField: null,
  };

  const openSend = () =>
    show({
      kind: 'compose',
      compose: { kind: quote.kind === 'change_order' ? 'change_order' : 'quote', send: (d) => send.mutateAsync(d) },
    });

  const honour = (reason: string, absorbedAmount: number) =>
    show({
      kind: 'compose',
      compose: {
        kind: 'quote_error_honour',
        reason,
        send: (message) => mistake.mutateAsync({ mode: 'honour', reason, absorbedAmount, message }),
      },
    });

  const writeReissue = ({ reason, goodwill }: Reissue, data: QuoteFormOutput) => {
    const { clientId: _clientId, ...changes } = data;
    show({
      kind: 'compose',
      compose: {
        kind: 'quote_error_reissue',
        reason,
        ...(goodwill.trim() ? { goodwill: goodwill.trim() } : {}),
        send: async (message) => {
          const result = await mistake.mutateAsync({
            mode: 'reissue',
            reason,
            changes,
            goodwill: goodwill.trim() || null,
            message,
          });
          setReissue(null);
          return result;
        },
      },
    });
  };

  const saveEdit = async (data: QuoteFormOutput, reason: string | null) => {
    const { clientId: _clientId, ...content } = data;
    await update.mutateAsync({ ...content, ...(reason ? { reason } : {}) });
    notifySuccess(isDraft ? t('common.saved') : t('quotes.editor.versionSaved'));
    if (!isDraft) setClientUrl(null);
    setEditing(false);
  };

  let body: ReactNode;
  const editorShown = reissue !== null || (shownVersion === quote.current.version && (isDraft || (editing && isOut)));
  if (reissue) {
    body = (
      <QuoteEditor
        {...editorProps}
        currency={quote.current.currency}
        mode="reissue"
        intro={
          <Alert color="orange" variant="light" c="dark.7" icon={<AlertIcon />}>
            {t('quotes.mistake.reissueIntro')}
          </Alert>
        }
        submitLabel={t('quotes.mistake.writeMessage')}
        onSubmit={async (data) => writeReissue(reissue, data)}
        onCancel={() => setReissue(null)}
      />
    );
  } else if (shownVersion === quote.current.version && (isDraft || (editing && isOut))) {
    body = (
      <QuoteEditor
        {...editorProps}
        currency={quote.current.currency || currency}
        mode={isDraft ? 'draft' : 'version'}
        submitLabel={isDraft ? t('quotes.editor.saveDraft') : t('quotes.editor.saveVersion')}
        onSubmit={(data, values) => saveEdit(data, isDraft ? null : values.reason.trim())}
        onDirtyChange={setUnsaved}
        {...(editing ? { onCancel: () => setEditing(false) } : {})}
      />
    );
  } else {
    const shown = quote.versions.find((v) => v.version === shownVersion) ?? quote.current;
    body = (
      <QuoteReadView
        quote={quote}
        shown={shown}
        timeZone={timeZone}
        exempt={exempt}
        onBackToCurrent={() => setShownVersion(null)}
      />
    );
  }

  let dialogTitle: ReactNode = null;
  let dialogBody: ReactNode = null;
  if (open?.kind === 'compose') {
    dialogTitle = <QuoteMessageTitle quote={quote} kind={open.compose.kind} />;
    dialogBody = (
      <QuoteMessage
        quote={quote}
        compose={open.compose}
        attempt={openCount}
        clientUrl={clientUrl}
        composer={composer}
        onLink={setClientUrl}
        onClose={close}
      />
    );
  } else if (open?.kind === 'mistake') {
    dialogTitle = t('quotes.mistake.title', { number: quote.number });
    dialogBody = (
      <ReportMistakeForm
        currency={quote.current.currency}
        onCancel={close}
        onHonour={honour}
        onReissue={(reason, goodwill) => {
          close();
          setReissue({ reason, goodwill });
        }}
      />
    );
  } else if (open?.kind === 'revoke') {
    dialogTitle = t('quotes.actions.revoke');
    dialogBody = (
      <RevokeLinksConfirm
        quoteId={quote.id}
        onCancel={close}
        onDone={() => {
          close();
          setClientUrl(null);
        }}
      />
    );
  }

  return (
    <Stack gap="md">
      <QuoteHeader quote={quote} />
      {!reissue && (
        <QuoteActions
          quote={quote}
          editing={editing}
          unsaved={unsaved}
          canPrint={canPrint}
          onSend={openSend}
          onEdit={() => setEditing(true)}
          onMistake={() => show({ kind: 'mistake' })}
          onRevoke={() => show({ kind: 'revoke' })}
        />
      )}
      {isDraft && unsaved && (
        <Text size="sm" c="dimmed">
          {t('quotes.actions.saveFirst')}
        </Text>
      )}
      {clientUrl && !open && <ClientLinkAlert url={clientUrl} />}
      {editorShown && clientHint}
      {body}
      <VersionHistory quote={quote} timeZone={timeZone} selected={shownVersion} onSelect={setShownVersion} />
      {render(dialogTitle, dialogBody)}
    </Stack>
  );
}
