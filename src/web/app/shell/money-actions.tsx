import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentItem } from '../../../shared/schemas/payments';
import { useDialogFlow } from '../../components/ui/dialog-flow';
import { useMe } from '../../features/accounts/api/session-api';
import { MessageComposer } from '../../features/messages/components/message-composer';
import { composeReminder } from '../../features/payments/api/payments-api';
import {
  AddPaymentItemForm,
  RecordPaymentForm,
  SplitQuoteForm,
} from '../../features/payments/components/payment-forms';
import { notifySuccess } from '../../lib/notify';
import { todayIn } from '../../lib/zoned-dates';

type Open =
  | { kind: 'record'; item: PaymentItem }
  | { kind: 'remind'; item: PaymentItem }
  | { kind: 'add'; clientId: string }
  | { kind: 'splitMany'; quotes: { id: string; label: string }[] };

/** Money dialogs shared by the client page and Today: record a payment, remind (composer), add a line, split a quote. */
export function useMoneyActions() {
  const { t } = useTranslation();
  const me = useMe();
  const { open, attempt: count, show, close, render } = useDialogFlow<Open>();
  const today = todayIn(me.workspace.timeZone);
  const currency = me.workspace.currency;

  let title: ReactNode = null;
  let body: ReactNode = null;
  if (open?.kind === 'record') {
    title = t('money.recordTitle');
    body = <RecordPaymentForm item={open.item} today={today} onDone={close} />;
  } else if (open?.kind === 'remind') {
    const item = open.item;
    title = t('money.remindTitle');
    body = (
      <MessageComposer
        request={{ kind: 'payment_reminder', clientId: item.clientId }}
        source={{ key: ['payment-reminder', item.id, count], load: () => composeReminder(item.id) }}
        clientName={item.clientName}
        onDone={() => {
          close();
          notifySuccess(t('money.reminded'));
        }}
        onCancel={close}
      />
    );
  } else if (open?.kind === 'add') {
    title = t('money.addTitle');
    body = <AddPaymentItemForm clientId={open.clientId} currency={currency} today={today} onDone={close} />;
  } else if (open?.kind === 'splitMany') {
    title = t('money.split.title');
    body = <SplitQuoteForm quotes={open.quotes} today={today} onDone={close} />;
  }

  return {
    record: (item: PaymentItem) => show({ kind: 'record', item }),
    remind: (item: PaymentItem) => show({ kind: 'remind', item }),
    addItem: (clientId: string) => show({ kind: 'add', clientId }),
    split: (quotes: { id: string; label: string }[]) => show({ kind: 'splitMany', quotes }),
    dialog: render(title, body),
  };
}
