import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type PaymentItem,
  ZCreatePaymentItem,
  ZRecordPayment,
  ZScheduleFromQuote,
} from '../../../../shared/schemas/payments';
import { UserText } from '../../../components/ui/bidi';
import { parseAgorot } from '../../../lib/money-input';
import { formatAmount } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useCreatePaymentItem, useRecordPayment, useSplitQuote } from '../api/payment-queries';
import { DateField } from '../../../components/ui/date-field';

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
  onDone,
}: {
  clientId: string;
  currency: string;
  today: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePaymentItem();
  const form = useSchemaForm({
    schema: ZCreatePaymentItem,
    initialValues: { label: '', amount: '', dueDate: today },
    toInput: (v: { label: string; amount: string; dueDate: string }) => ({
      clientId,
      label: v.label,
      amount: parseAgorot(v.amount) ?? Number.NaN,
      dueDate: v.dueDate,
    }),
  });
  const { values } = form;
  return (
    <form
      noValidate
      onSubmit={form.submit(async (input) => {
        await create.mutateAsync(input);
        notifySuccess(t('money.added'));
        onDone();
      })}
    >
      <Stack gap="md">
        <TextInput
          label={t('money.label')}
          required
          value={values.label}
          onChange={(e) => form.set('label', e.currentTarget.value)}
          error={form.error('label') && t('money.required')}
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
            value={values.amount}
            onChange={(e) => form.set('amount', e.currentTarget.value)}
            error={form.error('amount') && t('money.amountInvalid')}
          />
          <DateField
            w={200}
            label={t('money.dueDate')}
            required
            value={values.dueDate}
            onChange={(value) => form.set('dueDate', value)}
            error={form.error('dueDate') && t('money.required')}
          />
        </Group>
        <Actions onCancel={onDone} submit={t('money.add')} busy={form.submitting} />
      </Stack>
    </form>
  );
}

type PartDraft = { label: string; percent: string; dueDate: string };
type SplitValues = { quoteId: string | null; parts: PartDraft[] };

function splitToInput(values: SplitValues): unknown {
  return {
    quoteId: values.quoteId,
    parts: values.parts.map((p) => ({
      label: p.label,
      percent: /^\d+$/.test(p.percent) ? Number(p.percent) : Number.NaN,
      dueDate: p.dueDate,
    })),
  };
}

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
  const form = useSchemaForm({
    schema: ZScheduleFromQuote,
    initialValues: {
      quoteId: quotes[0]?.id ?? null,
      parts: [
        { label: t('money.split.onAcceptance'), percent: '50', dueDate: today },
        { label: t('money.split.onDelivery'), percent: '50', dueDate: today },
      ],
    } as SplitValues,
    toInput: splitToInput,
  });
  const { quoteId, parts } = form.values;
  const sum = parts.reduce((s, p) => s + (Number.parseInt(p.percent, 10) || 0), 0);
  const setPart = (index: number, patch: Partial<PartDraft>) =>
    form.update(`parts.${index}`, (v) => ({
      ...v,
      parts: v.parts.map((p, i) => (i === index ? { ...p, ...patch } : p)),
    }));
  const setParts = (change: (list: PartDraft[]) => PartDraft[]) =>
    form.update(null, (v) => ({ ...v, parts: change(v.parts) }));
  const partError = (index: number, field: keyof PartDraft) => form.error(`parts.${index}.${field}`);
  const invalid =
    form.error('parts') !== undefined ||
    form.error('quoteId') !== undefined ||
    parts.some((_, i) => partError(i, 'label') || partError(i, 'percent') || partError(i, 'dueDate'));
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
      onSubmit={form.submit(async (input) => {
        await split.mutateAsync(input);
        notifySuccess(t('money.added'));
        onDone();
      })}
    >
      <Stack gap="md">
        <Select
          label={t('money.split.quote')}
          data={quotes.map((q) => ({ value: q.id, label: q.label }))}
          value={quoteId}
          onChange={(id) => form.set('quoteId', id)}
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
              error={partError(index, 'label')}
              dir="auto"
            />
            <TextInput
              w={90}
              label={t('money.split.percent')}
              inputMode="numeric"
              dir="ltr"
              value={part.percent}
              onChange={(e) => setPart(index, { percent: e.currentTarget.value })}
              error={partError(index, 'percent')}
            />
            <DateField
              w={170}
              label={t('money.dueDate')}
              value={part.dueDate}
              onChange={(value) => setPart(index, { dueDate: value })}
              error={partError(index, 'dueDate')}
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
        <Text size="sm" c={invalid ? 'red.9' : 'dimmed'} role={invalid && sum !== 100 ? 'alert' : undefined}>
          {t('money.split.sum', { sum })}
        </Text>
        <Actions onCancel={onDone} submit={t('money.split.create')} busy={form.submitting} />
      </Stack>
    </form>
  );
}

/** Money in: against a line, partial allowed (the outstanding amount is suggested). */
export function RecordPaymentForm({ item, today, onDone }: { item: PaymentItem; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordPayment();
  const form = useSchemaForm({
    schema: ZRecordPayment,
    initialValues: { amount: (item.outstanding / 100).toFixed(2), receivedOn: today, method: '' },
    toInput: (v: { amount: string; receivedOn: string; method: string }) => ({
      clientId: item.clientId,
      paymentItemId: item.id,
      amount: parseAgorot(v.amount) ?? Number.NaN,
      receivedOn: v.receivedOn,
      method: v.method,
    }),
  });
  const { values } = form;
  return (
    <form
      noValidate
      onSubmit={form.submit(async (input) => {
        await record.mutateAsync(input);
        notifySuccess(t('money.recorded'));
        onDone();
      })}
    >
      <Stack gap="md">
        <Text size="sm">
          <UserText>{item.label}</UserText>
          {t('common.separator')}
          {t('money.outstanding', { amount: formatAmount(item.outstanding, item.currency) })}
        </Text>
        <Group gap="sm" wrap="wrap">
          <TextInput
            w={200}
            label={t('money.amount', { currency: item.currency })}
            description={t('money.partialHint')}
            required
            inputMode="decimal"
            dir="ltr"
            value={values.amount}
            onChange={(e) => form.set('amount', e.currentTarget.value)}
            error={form.error('amount') && t('money.amountInvalid')}
            data-autofocus
          />
          <DateField
            w={200}
            label={t('money.receivedOn')}
            required
            value={values.receivedOn}
            onChange={(value) => form.set('receivedOn', value)}
            error={form.error('receivedOn')}
          />
        </Group>
        <TextInput
          label={t('money.method')}
          value={values.method}
          onChange={(e) => form.set('method', e.currentTarget.value)}
          error={form.error('method')}
          dir="auto"
        />
        <Actions onCancel={onDone} submit={t('money.record')} busy={form.submitting} />
      </Stack>
    </form>
  );
}
