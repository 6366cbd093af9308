import { Alert, Anchor, Button, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageSent } from '../../../shared/schemas/messages';
import type { Quote } from '../../../shared/schemas/quotes';
import { Ltr, UserText } from '../../components/ui/bidi';
import { type Choice, ChoiceChips } from '../../components/ui/choice-chips';
import { Dialog } from '../../components/ui/dialog';
import { AlertIcon, CheckIcon, CopyIcon, EditIcon, LinkIcon, SendIcon } from '../../components/ui/icons';
import { Loading } from '../../components/ui/loading';
import { useMe } from '../../features/accounts/api/session-api';
import { MessageComposer, type MessageDraft } from '../../features/messages/components/message-composer';
import { parseAgorot } from '../../features/quotes/api/decimal-input';
import {
  useDuplicateQuote,
  useProject,
  useQuote,
  useReportMistake,
  useRevokeQuoteLinks,
  useSendQuote,
  useTermsTemplates,
  useUpdateQuote,
} from '../../features/quotes/api/quote-queries';
import { type QuoteComposeKind, composeQuoteMessage, quotePdfUrl } from '../../features/quotes/api/quotes-api';
import { QuoteEditor } from '../../features/quotes/components/quote-editor';
import { type QuoteFormOutput, quoteToValues } from '../../features/quotes/components/quote-form-values';
import { QuoteDates, QuoteTotal } from '../../features/quotes/components/quote-list';
import { QuoteStatusBadge } from '../../features/quotes/components/quote-status';
import { AcceptanceCard, QuoteVersionView, VersionHistory } from '../../features/quotes/components/quote-view';
import { ApiError } from '../../lib/api-client';
import { notifyError, notifySuccess } from '../../lib/notify';
import { usePageTitle } from '../../lib/use-page-title';

const route = getRouteApi('/_app/quotes/$quoteId');

type Compose = {
  kind: QuoteComposeKind;
  reason?: string;
  goodwill?: string;
  send: (draft: MessageDraft) => Promise<{ sent: MessageSent | null; url: string | null }>;
};
type Open = { kind: 'compose'; compose: Compose } | { kind: 'mistake' } | { kind: 'revoke' } | null;
type Reissue = { reason: string; goodwill: string };

/** The client's personal link, shown once: copy it now. */
function ClientLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" c="dark.7" icon={<LinkIcon />} title={t('quotes.send.linkTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('quotes.send.linkHelp')}</Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="client-link">
          <Ltr>{url}</Ltr>
        </Text>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
              onClick={copy}
              w="fit-content"
            >
              {copied ? t('quotes.send.copied') : t('quotes.send.copyLink')}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}

export function QuotePage() {
  const { t } = useTranslation();
  const { quoteId } = route.useParams();
  const me = useMe();
  const quote = useQuote(quoteId);
  usePageTitle(quote.data ? t('quotes.editor.titleEdit', { number: quote.data.number }) : null);
  if (quote.isPending) return <Loading label={t('common.loading')} />;
  if (quote.isError) return <Text c="var(--mantine-color-error)">{quote.error.message}</Text>;
  return (
    <QuoteScreen
      key={quote.data.id}
      quote={quote.data}
      timeZone={me.workspace.timeZone}
      exempt={me.workspace.dealerType === 'exempt'}
      currency={me.workspace.currency}
      canPrint={me.capabilities.pdf}
    />
  );
}

function QuoteScreen({
  quote,
  timeZone,
  exempt,
  currency,
  canPrint,
}: {
  quote: Quote;
  timeZone: string;
  exempt: boolean;
  currency: string;
  canPrint: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const templates = useTermsTemplates();
  const update = useUpdateQuote(quote.id);
  const send = useSendQuote(quote.id);
  const mistake = useReportMistake(quote.id);
  const duplicate = useDuplicateQuote();
  const revoke = useRevokeQuoteLinks(quote.id);
  const project = useProject(quote.projectId);
  const [open, setOpen] = useState<Open>(null);
  const [openCount, setOpenCount] = useState(0);
  const [clientUrl, setClientUrl] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  const [reissue, setReissue] = useState<Reissue | null>(null);
  const [pickedVersion, setShownVersion] = useState<number | null>(null);
  const shownVersion = pickedVersion ?? quote.current.version;
  const show = (next: Open) => {
    setOpen(next);
    setOpenCount((n) => n + 1);
  };
  const close = () => setOpen(null);

  const status = quote.status;
  const isDraft = status === 'draft';
  const isOut = status === 'sent' || status === 'viewed' || status === 'expired';
  const vat = quote.current.vatRateBasisPoints;
  const sendKind: QuoteComposeKind = quote.kind === 'change_order' ? 'change_order' : 'quote';

  const openSend = () =>
    show({
      kind: 'compose',
      compose: {
        kind: sendKind,
        send: async (draft) => {
          const result = await send.mutateAsync(draft);
          return { sent: result.sent, url: result.url };
        },
      },
    });

  const downloadPdf = () => {
    fetch(quotePdfUrl(quote.id), { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) {
          notifyError(new ApiError(response.status, 'not_found', t('quotes.actions.pdfUnavailable')));
          return;
        }
        const blob = await response.blob();
        const href = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = href;
        a.download = `${quote.number}.pdf`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(href), 10_000);
      })
      .catch(() => notifyError(new Error('pdf')));
  };

  const onDuplicate = () =>
    duplicate.mutate(quote.id, {
      onSuccess: (copy) => {
        notifySuccess(t('quotes.actions.duplicated', { number: copy.number }));
        void navigate({ to: '/quotes/$quoteId', params: { quoteId: copy.id } });
      },
      onError: notifyError,
    });

  const saveEdit = async (data: QuoteFormOutput, reason: string | null) => {
    const { clientId: _clientId, ...content } = data;
    await update.mutateAsync({ ...content, ...(reason ? { reason } : {}) });
    notifySuccess(isDraft ? t('common.saved') : t('quotes.editor.versionSaved'));
    if (!isDraft) setClientUrl(null);
    setEditing(false);
  };

  const shown = quote.versions.find((v) => v.version === shownVersion) ?? quote.current;
  const templatesList = templates.data ?? [];

  let body: ReactNode;
  if (reissue) {
    body = (
      <QuoteEditor
        initialValues={quoteToValues(quote)}
        templates={templatesList}
        currency={quote.current.currency}
        vatBasisPoints={vat}
        exempt={exempt}
        mode="reissue"
        renderClientField={null}
        intro={
          <Alert color="orange" variant="light" c="dark.7" icon={<AlertIcon />}>
            {t('quotes.mistake.reissueIntro')}
          </Alert>
        }
        submitLabel={t('quotes.mistake.writeMessage')}
        onSubmit={async (data) => {
          const { clientId: _clientId, ...changes } = data;
          show({
            kind: 'compose',
            compose: {
              kind: 'quote_error_reissue',
              reason: reissue.reason,
              ...(reissue.goodwill.trim() ? { goodwill: reissue.goodwill.trim() } : {}),
              send: async (draft) => {
                const result = await mistake.mutateAsync({
                  mode: 'reissue',
                  reason: reissue.reason,
                  changes,
                  goodwill: reissue.goodwill.trim() || null,
                  message: draft,
                });
                setReissue(null);
                return { sent: result.sent, url: result.url };
              },
            },
          });
        }}
        onCancel={() => setReissue(null)}
      />
    );
  } else if (shownVersion === quote.current.version && (isDraft || (editing && isOut))) {
    body = (
      <QuoteEditor
        initialValues={quoteToValues(quote)}
        templates={templatesList}
        currency={quote.current.currency || currency}
        vatBasisPoints={vat}
        exempt={exempt}
        mode={isDraft ? 'draft' : 'version'}
        renderClientField={null}
        submitLabel={isDraft ? t('quotes.editor.saveDraft') : t('quotes.editor.saveVersion')}
        onSubmit={(data, values) => saveEdit(data, isDraft ? null : values.reason.trim())}
        onDirtyChange={setUnsaved}
        {...(editing ? { onCancel: () => setEditing(false) } : {})}
      />
    );
  } else {
    body = (
      <Stack gap="md">
        {shown.version !== quote.current.version && (
          <Alert color="gray" variant="light" c="dark.7" icon={<AlertIcon />}>
            {t('quotes.view.readOnlyVersion', { n: shown.version })}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => setShownVersion(null)}>
              {t('quotes.view.backToCurrent')}
            </Anchor>
          </Alert>
        )}
        {status === 'declined' && (
          <Alert color="red" variant="light" c="dark.7" icon={<AlertIcon />} title={t('quotes.status.declined')}>
            {quote.current.declineReason ? (
              <UserText>{quote.current.declineReason}</UserText>
            ) : (
              t('quotes.view.noDeclineReason')
            )}
          </Alert>
        )}
        {quote.errorHandling?.mode === 'honour' && (
          <Alert color="orange" variant="light" c="dark.7" icon={<AlertIcon />}>
            {t('quotes.mistake.honoured')}
            {quote.errorHandling.reason ? (
              <>
                {t('common.labelSeparator')}
                <UserText>{quote.errorHandling.reason}</UserText>
              </>
            ) : null}
          </Alert>
        )}
        <AcceptanceCard
          version={quote.current}
          project={project.data ?? null}
          timeZone={timeZone}
          renderProjectTitle={(p) => (
            <Anchor renderRoot={(props) => <Link to="/projects/$projectId" params={{ projectId: p.id }} {...props} />}>
              <UserText>{p.title}</UserText>
            </Anchor>
          )}
        />
        <QuoteVersionView version={shown} exempt={exempt} idPrefix={`v${shown.version}`} />
      </Stack>
    );
  }

  let dialogTitle: ReactNode = null;
  let dialogBody: ReactNode = null;
  if (open?.kind === 'compose') {
    const compose = open.compose;
    dialogTitle = (
      <>
        {t(`quotes.send.title_${compose.kind}`, { number: quote.number })}{' '}
        <Text span c="dimmed" fw={500}>
          <UserText>{quote.clientName}</UserText>
        </Text>
      </>
    );
    dialogBody = (
      <MessageComposer
        request={{ kind: compose.kind, clientId: quote.clientId }}
        source={{
          key: ['quote', quote.id, compose.kind, compose.reason ?? '', compose.goodwill ?? '', openCount],
          load: () =>
            composeQuoteMessage(quote.id, {
              kind: compose.kind,
              ...(compose.reason ? { reason: compose.reason } : {}),
              ...(compose.goodwill ? { goodwill: compose.goodwill } : {}),
            }),
        }}
        clientName={quote.clientName}
        hint={compose.kind === 'quote_error_honour' ? undefined : t('quotes.send.linkHint', { token: '{{link}}' })}
        send={async (draft) => {
          const result = await compose.send(draft);
          if (result.url) setClientUrl(result.url);
          return result.sent;
        }}
        sentExtra={
          <Stack gap="xs">
            <Group gap="xs">
              <Text size="sm">{t('quotes.send.statusNow')}</Text>
              <QuoteStatusBadge status={quote.status} />
            </Group>
            {clientUrl ? <ClientLink url={clientUrl} /> : null}
          </Stack>
        }
        onDone={() => {
          close();
          notifySuccess(t('quotes.send.done'));
        }}
        onCancel={close}
      />
    );
  } else if (open?.kind === 'mistake') {
    dialogTitle = t('quotes.mistake.title', { number: quote.number });
    dialogBody = (
      <MistakeForm
        currency={quote.current.currency}
        onCancel={close}
        onHonour={(reason, absorbedAmount) =>
          show({
            kind: 'compose',
            compose: {
              kind: 'quote_error_honour',
              reason,
              send: async (draft) => {
                const result = await mistake.mutateAsync({ mode: 'honour', reason, absorbedAmount, message: draft });
                return { sent: result.sent, url: result.url };
              },
            },
          })
        }
        onReissue={(reason, goodwill) => {
          close();
          setReissue({ reason, goodwill });
        }}
      />
    );
  } else if (open?.kind === 'revoke') {
    dialogTitle = t('quotes.actions.revoke');
    dialogBody = (
      <Stack gap="md">
        <Text size="sm">{t('quotes.actions.revokeConfirm')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() =>
              revoke.mutate(undefined, {
                onSuccess: () => {
                  close();
                  setClientUrl(null);
                  notifySuccess(t('quotes.actions.revoked'));
                },
                onError: notifyError,
              })
            }
          >
            {t('quotes.actions.revoke')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor renderRoot={(props) => <Link to="/quotes" {...props} />} size="sm">
          {t('quotes.backToList')}
        </Anchor>
        <Group gap="sm" wrap="wrap" align="center">
          <Title order={1} size="h2">
            {t('quotes.view.heading')} <Ltr>{quote.number}</Ltr>
          </Title>
          <QuoteStatusBadge status={status} />
          {quote.kind === 'change_order' && (
            <Text size="sm" c="dimmed">
              {t('quotes.kind.change_order')}
            </Text>
          )}
        </Group>
        <Text size="sm">
          <Anchor
            renderRoot={(props) => <Link to="/clients/$clientId" params={{ clientId: quote.clientId }} {...props} />}
          >
            <UserText>{quote.clientName}</UserText>
          </Anchor>
          {t('common.separator')}
          <UserText>{quote.current.title}</UserText>
          {t('common.separator')}
          <Text span fw={700}>
            <QuoteTotal quote={quote} />
          </Text>
        </Text>
        <QuoteDates quote={quote} />
      </Stack>

      {!reissue && (
        <Group gap="xs" wrap="wrap">
          {(isDraft || isOut) && !editing && (
            <Button
              leftSection={<SendIcon size={18} />}
              onClick={openSend}
              disabled={isDraft && unsaved}
              title={isDraft && unsaved ? t('quotes.actions.saveFirst') : undefined}
            >
              {isDraft ? t('quotes.actions.send') : t('quotes.actions.sendAgain')}
            </Button>
          )}
          {isOut && !editing && (
            <Button variant="light" leftSection={<EditIcon size={18} />} onClick={() => setEditing(true)}>
              {t('quotes.actions.edit')}
            </Button>
          )}
          {isOut && !editing && (
            <Button variant="light" color="orange" onClick={() => show({ kind: 'mistake' })}>
              {t('quotes.actions.mistake')}
            </Button>
          )}
          {canPrint && (
            <Button variant="default" onClick={downloadPdf}>
              {t('quotes.actions.pdf')}
            </Button>
          )}
          <Button variant="default" loading={duplicate.isPending} onClick={onDuplicate}>
            {t('quotes.actions.duplicate')}
          </Button>
          {isOut && (
            <Button variant="subtle" color="red" onClick={() => show({ kind: 'revoke' })}>
              {t('quotes.actions.revoke')}
            </Button>
          )}
        </Group>
      )}

      {isDraft && unsaved && (
        <Text size="sm" c="dimmed">
          {t('quotes.actions.saveFirst')}
        </Text>
      )}
      {clientUrl && !open && <ClientLink url={clientUrl} />}

      {body}

      <VersionHistory quote={quote} timeZone={timeZone} selected={shownVersion} onSelect={setShownVersion} />

      <Dialog
        key={openCount}
        opened={open !== null}
        onClose={close}
        title={dialogTitle}
        closeLabel={t('actions.close')}
        size="lg"
        fullScreen={isPhone}
      >
        {dialogBody}
      </Dialog>
    </Stack>
  );
}

type MistakeMode = 'honour' | 'reissue';

/** Honour the price (record what you absorb) or re-issue with an apology and maybe a goodwill gesture. */
function MistakeForm({
  currency,
  onCancel,
  onHonour,
  onReissue,
}: {
  currency: string;
  onCancel: () => void;
  onHonour: (reason: string, absorbedAmount: number) => void;
  onReissue: (reason: string, goodwill: string) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<MistakeMode>('honour');
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [goodwill, setGoodwill] = useState('');
  const [tried, setTried] = useState(false);
  const absorbed = parseAgorot(amount);
  const reasonError = tried && reason.trim() === '' ? t('quotes.mistake.reasonRequired') : undefined;
  const amountError = tried && mode === 'honour' && absorbed === null ? t('quotes.mistake.amountInvalid') : undefined;
  const options: Choice<MistakeMode>[] = [
    { value: 'honour', label: t('quotes.mistake.honour') },
    { value: 'reissue', label: t('quotes.mistake.reissue') },
  ];
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (reason.trim() === '') return;
        if (mode === 'honour') {
          if (absorbed === null) return;
          onHonour(reason.trim(), absorbed);
        } else onReissue(reason.trim(), goodwill);
      }}
    >
      <Stack gap="md">
        <Text size="sm">{t('quotes.mistake.intro')}</Text>
        <ChoiceChips label={t('quotes.mistake.choose')} value={mode} options={options} onChange={setMode} />
        <Text size="sm" c="dimmed">
          {mode === 'honour' ? t('quotes.mistake.honourHint') : t('quotes.mistake.reissueHint')}
        </Text>
        <TextInput
          label={t('quotes.mistake.reason')}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError}
          dir="auto"
          data-autofocus
        />
        {mode === 'honour' ? (
          <TextInput
            w={220}
            label={t('quotes.mistake.absorbed', { currency })}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={amountError}
            dir="ltr"
          />
        ) : (
          <TextInput
            label={t('quotes.mistake.goodwill')}
            description={t('quotes.mistake.goodwillHint')}
            value={goodwill}
            onChange={(e) => setGoodwill(e.currentTarget.value)}
            dir="auto"
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit">
            {mode === 'honour' ? t('quotes.mistake.writeMessage') : t('quotes.mistake.editQuote')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
