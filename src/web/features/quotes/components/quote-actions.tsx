import { Button, Group } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../shared/schemas/quotes';
import { EditIcon, SendIcon } from '../../../components/ui/icons';
import { ApiError, isApiError, saveFile } from '../../../lib/api-client';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDuplicateQuote } from '../api/quote-queries';
import { fetchQuotePdf } from '../api/quotes-api';

type Props = {
  quote: Quote;
  editing: boolean;
  /** A draft with unsaved changes cannot be sent until it is saved. */
  unsaved: boolean;
  canPrint: boolean;
  onSend: () => void;
  onEdit: () => void;
  onMistake: () => void;
  onRevoke: () => void;
};

/** What can be done with the quote now: send, edit, report a mistake, PDF, duplicate, revoke the links. */
export function QuoteActions({ quote, editing, unsaved, canPrint, onSend, onEdit, onMistake, onRevoke }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const duplicate = useDuplicateQuote();
  const isDraft = quote.status === 'draft';
  const isOut = quote.status === 'sent' || quote.status === 'viewed' || quote.status === 'expired';

  const downloadPdf = () =>
    fetchQuotePdf(quote.id)
      .then((pdf) => saveFile(pdf, `${quote.number}.pdf`))
      .catch((error: unknown) =>
        notifyError(
          isApiError(error) && error.status !== 0
            ? new ApiError(error.status, 'not_found', t('quotes.actions.pdfUnavailable'))
            : error,
        ),
      );

  const onDuplicate = () =>
    duplicate.mutate(quote.id, {
      onSuccess: (copy) => {
        notifySuccess(t('quotes.actions.duplicated', { number: copy.number }));
        void navigate({ to: '/quotes/$quoteId', params: { quoteId: copy.id } });
      },
      onError: notifyError,
    });

  return (
    <Group gap="xs" wrap="wrap">
      {(isDraft || isOut) && !editing && (
        <Button
          leftSection={<SendIcon size={18} />}
          onClick={onSend}
          disabled={isDraft && unsaved}
          title={isDraft && unsaved ? t('quotes.actions.saveFirst') : undefined}
        >
          {isDraft ? t('quotes.actions.send') : t('quotes.actions.sendAgain')}
        </Button>
      )}
      {isOut && !editing && (
        <Button variant="light" leftSection={<EditIcon size={18} />} onClick={onEdit}>
          {t('quotes.actions.edit')}
        </Button>
      )}
      {isOut && !editing && (
        <Button variant="light" color="orange" onClick={onMistake}>
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
        <Button variant="subtle" color="red" onClick={onRevoke}>
          {t('quotes.actions.revoke')}
        </Button>
      )}
    </Group>
  );
}
