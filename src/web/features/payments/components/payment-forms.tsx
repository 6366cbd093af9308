import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentItem } from '../../../../shared/schemas/payments';
import { UserText } from '../../../components/ui/bidi';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCreatePaymentItem, useRecordPayment, useSplitQuote } from '../api/payment-queries';
import { money } from './money-format';

type Parse = (text: string) => number | null;

function Actions({ onCancel, submit, busy }: { onCancel: () => void; submit: string; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="subtle" color="gray" onClick={onCancel}>
        {t('actions.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {submit}
      </Button>
    </Group>
  );
}

/** A payment line by hand: what for, how much, by when. */
export function AddPaymentItemForm({
  clientId,
  currency,
  today,
  parseAmount,
  onDone,
}: {
  clientId: string;
  currency: string;
  today: string;
  parseAmount: Parse;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePaymentItem();
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const [dueDate, setDueDate] = useState(today);
  const [tried, setTried] = useState(false);
  const value = parseAmount(amount);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!label.trim() || value === null || value <= 0 || !dueDate) return;
        create.mutate(
          { clientId, label: label.trim(), amount: value, dueDate },
          {
            onSuccess: () => {
              notifySuccess(t('money.added'));
              onDone();
            },
            onError: notifyError,
          },
        );
      }}
    >
      <Stack gap="md">
        <TextInput
          label={t('money.label')}
          required
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={tried && !label.trim() ? t('money.required') : undefined}
          dir="auto"
          data-autofocus
        />
        <Group gap="sm" wrap="wrap">
          <TextInput
            w={200}
            label={t('money.amount', { currency })}
            required
            inputMode="decimal"
            dir="ltr"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={tried && (value === null || value <= 0) ? t('money.amountInvalid') : undefined}
          />
          <TextInput
            w={200}
            type="date"
            label={t('money.dueDate')}
            required
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={tried && !dueDate ? t('money.required') : undefined}
          />
        </Group>
        <Actions onCancel={onDone} submit={t('money.add')} busy={create.isPending} />
      </Stack>
    </form>
  );
}

type PartDraft = { label: string; percent: string; dueDate: string };

/** Split an accepted quote: 50/50 "on acceptance / on delivery", or custom percents summing to 100. */
export function SplitQuoteForm({
  quotes,
  today,
  onDone,
}: {
  quotes: { id: string; label: string }[];
  today: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const split = useSplitQuote();
  const [quoteId, setQuoteId] = useState<string | null>(quotes[0]?.id ?? null);
  const [parts, setParts] = useState<PartDraft[]>([
    { label: t('money.split.onAcceptance'), percent: '50', dueDate: today },
    { label: t('money.split.onDelivery'), percent: '50', dueDate: today },
  ]);
  const [tried, setTried] = useState(false);
  const sum = parts.reduce((s, p) => s + (Number.parseInt(p.percent, 10) || 0), 0);
  const setPart = (index: number, patch: Partial<PartDraft>) =>
    setParts((list) => list.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const partsValid = parts.every(
    (p) => p.label.trim() && /^\d+$/.test(p.percent) && Number(p.percent) > 0 && p.dueDate,
  );
  if (quotes.length === 0)
    return (
      <Stack gap="sm">
        <Text size="sm">{t('money.split.noQuotes')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.close')}
          </Button>
        </Group>
      </Stack>
    );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!quoteId || !partsValid || sum !== 100) return;
        split.mutate(
          {
            quoteId,
            parts: parts.map((p) => ({ label: p.label.trim(), percent: Number(p.percent), dueDate: p.dueDate })),
          },
          {
            onSuccess: () => {
              notifySuccess(t('money.added'));
              onDone();
            },
            onError: notifyError,
          },
        );
      }}
    >
      <Stack gap="md">
        <Select
          label={t('money.split.quote')}
          data={quotes.map((q) => ({ value: q.id, label: q.label }))}
          value={quoteId}
          onChange={setQuoteId}
          allowDeselect={false}
        />
        {parts.map((part, index) => (
          <Group
            key={index}
            gap="xs"
            wrap="wrap"
            align="flex-end"
            role="group"
            aria-label={t('money.split.partN', { n: index + 1 })}
          >
            <TextInput
              style={{ flex: '1 1 10rem' }}
              label={t('money.label')}
              value={part.label}
              onChange={(e) => setPart(index, { label: e.currentTarget.value })}
              dir="auto"
            />
            <TextInput
              w={90}
              label={t('money.split.percent')}
              inputMode="numeric"
              dir="ltr"
              value={part.percent}
              onChange={(e) => setPart(index, { percent: e.currentTarget.value })}
            />
            <TextInput
              w={170}
              type="date"
              label={t('money.dueDate')}
              value={part.dueDate}
              onChange={(e) => setPart(index, { dueDate: e.currentTarget.value })}
            />
          </Group>
        ))}
        <Group gap="xs">
          <Button
            variant="light"
            size="compact-sm"
            onClick={() => setParts((list) => [...list, { label: '', percent: '', dueDate: today }])}
            disabled={parts.length >= 12}
          >
            {t('money.split.addPart')}
          </Button>
          {parts.length > 1 && (
            <Button
              variant="subtle"
              size="compact-sm"
              color="gray"
              onClick={() => setParts((list) => list.slice(0, -1))}
            >
              {t('money.split.removePart')}
            </Button>
          )}
        </Group>
        <Text
          size="sm"
          c={tried && (sum !== 100 || !partsValid) ? 'red.9' : 'dimmed'}
          role={tried && sum !== 100 ? 'alert' : undefined}
        >
          {t('money.split.sum', { sum })}
        </Text>
        <Actions onCancel={onDone} submit={t('money.split.create')} busy={split.isPending} />
      </Stack>
    </form>
  );
}

/** Money in: against a line, partial allowed (the outstanding amount is suggested). */
export function RecordPaymentForm({
  item,
  today,
  parseAmount,
  onDone,
}: {
  item: PaymentItem;
  today: string;
  parseAmount: Parse;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordPayment();
  const [amount, setAmount] = useState((item.outstanding / 100).toFixed(2));
  const [receivedOn, setReceivedOn] = useState(today);
  const [method, setMethod] = useState('');
  const [tried, setTried] = useState(false);
  const value = parseAmount(amount);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (value === null || value <= 0 || !receivedOn) return;
        record.mutate(
          {
            clientId: item.clientId,
            paymentItemId: item.id,
            amount: value,
            receivedOn,
            ...(method.trim() ? { method: method.trim() } : {}),
          },
          {
            onSuccess: () => {
              notifySuccess(t('money.recorded'));
              onDone();
            },
            onError: notifyError,
          },
        );
      }}
    >
      <Stack gap="md">
        <Text size="sm">
          <UserText>{item.label}</UserText>
          {t('common.separator')}
          {t('money.outstanding', { amount: money(item.outstanding, item.currency) })}
        </Text>
        <Group gap="sm" wrap="wrap">
          <TextInput
            w={200}
            label={t('money.amount', { currency: item.currency })}
            description={t('money.partialHint')}
            required
            inputMode="decimal"
            dir="ltr"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={tried && (value === null || value <= 0) ? t('money.amountInvalid') : undefined}
            data-autofocus
          />
          <TextInput
            w={200}
            type="date"
            label={t('money.receivedOn')}
            required
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
          />
        </Group>
        <TextInput
          label={t('money.method')}
          value={method}
          onChange={(e) => setMethod(e.currentTarget.value)}
          dir="auto"
        />
        <Actions onCancel={onDone} submit={t('money.record')} busy={record.isPending} />
      </Stack>
    </form>
  );
}
