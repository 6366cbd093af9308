import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { type ReactNode, useEffect, useMemo } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/money';
import { type TermsTemplate, ZUpdateQuote } from '../../../../shared/schemas/quotes';
import { Ltr } from '../../../components/ui/bidi';
import { type Choice, ChoiceChips } from '../../../components/ui/choice-chips';
import { AlertIcon, ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from '../../../components/ui/icons';
import { formatPercent } from '../../../lib/format';
import { currentIntlLocale, currentLanguage } from '../../../lib/i18n';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { parseAgorot, parseMilli } from '../../../lib/money-input';
import { lineTotal } from '../../../../shared/money';
import {
  type DiscountKind,
  type QuoteFormOutput,
  type QuoteFormValues,
  type TermsValues,
  ZQuoteForm,
  emptyLine,
  liveTotals,
  termsToValues,
  valuesToInput,
} from './quote-form-values';
import { TermsFields } from './terms-fields';
import { type RenderClientField, clientFieldOf } from '../../../lib/client-field';
import { DateField } from '../../../components/ui/date-field';

type Props = {
  initialValues: QuoteFormValues;
  templates: TermsTemplate[];
  currency: string;
  /** Basis points; 0 and hidden for an exempt dealer. */
  vatBasisPoints: number;
  exempt: boolean;
  /** 'version': a sent quote — saving makes a new version and needs a reason. */
  mode: 'new' | 'draft' | 'version' | 'reissue';
  /** The client picker (another feature), or null when the client is fixed. */
  renderClientField: RenderClientField | null;
  intro?: ReactNode;
  submitLabel: string;
  onSubmit: (data: QuoteFormOutput, values: QuoteFormValues) => Promise<unknown>;
  onCancel?: () => void;
  /** Told when unsaved changes appear or are saved (the page holds Send until the draft is saved). */
  onDirtyChange?: (dirty: boolean) => void;
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The quote as a form: client, title, lines, discount, VAT, validity, terms and notes, with live totals. */
export function QuoteEditor({
  initialValues,
  templates,
  currency,
  vatBasisPoints,
  exempt,
  mode,
  renderClientField,
  intro,
  submitLabel,
  onSubmit,
  onCancel,
  onDirtyChange,
}: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const needsReason = mode === 'version';
  // A new version of a sent quote says why it replaced the last one (the client sees it).
  const { schema, toInput } = useMemo(
    () =>
      needsReason
        ? {
            schema: ZQuoteForm.extend({ reason: ZUpdateQuote.shape.reason.pipe(z.string({ error: 'required' })) }),
            toInput: (v: QuoteFormValues) => ({ ...valuesToInput(v), reason: v.reason }),
          }
        : { schema: ZQuoteForm, toInput: valuesToInput },
    [needsReason],
  );
  const form = useSchemaForm<QuoteFormValues, typeof ZQuoteForm>({ schema, initialValues, toInput });
  const { values } = form;
  useEffect(() => onDirtyChange?.(form.dirty), [form.dirty, onDirtyChange]);
  const totals = useMemo(() => liveTotals(values, exempt ? 0 : vatBasisPoints), [values, exempt, vatBasisPoints]);
  const money = (minor: number) => <Ltr>{formatMoney(minor, currency, language)}</Ltr>;

  const setItems = (path: string | null, items: QuoteFormValues['items']) =>
    form.update(path, (prev) => ({ ...prev, items }));
  const setItemField = (index: number, field: 'description' | 'quantity' | 'unit' | 'unitPrice', text: string) =>
    setItems(
      `items.${index}.${field}`,
      values.items.map((item, i) => (i === index ? { ...item, [field]: text } : item)),
    );
  const move = (index: number, by: number) => {
    const items = [...values.items];
    const [moved] = items.splice(index, 1);
    if (moved) items.splice(index + by, 0, moved);
    setItems(null, items);
  };

  const discountOptions: Choice<DiscountKind>[] = [
    { value: 'none', label: t('quotes.editor.discountNone') },
    { value: 'amount', label: t('quotes.editor.discountAmount') },
    { value: 'percent', label: t('quotes.editor.discountPercent') },
  ];
  const discountError = form.error('discount.value') ?? form.error('discount.basisPoints') ?? form.error('discount');
  const dir = language === 'he' ? 'rtl' : 'ltr';
  const itemsError = form.error('items');

  const applyTemplate = (id: string | null) => {
    const template = templates.find((tpl) => tpl.id === id);
    if (template) form.update(null, (prev) => ({ ...prev, terms: termsToValues(template.terms) }));
  };

  return (
    <form noValidate onSubmit={form.submit((data) => onSubmit(data, values))}>
      <Stack gap="md">
        {intro}
        <Section id="quote-basics" title={t('quotes.editor.basics')}>
          <Stack gap="sm">
            {renderClientField?.(clientFieldOf(form))}
            <TextInput
              label={t('quotes.editor.title')}
              description={t('quotes.editor.titleHint')}
              required
              value={values.title}
              onChange={(e) => form.set('title', e.currentTarget.value)}
              error={form.error('title')}
              dir="auto"
            />
          </Stack>
        </Section>

        <Section id="quote-items" title={t('quotes.editor.items')}>
          <Stack gap="sm">
            {values.items.map((item, index) => {
              const n = index + 1;
              const milli = parseMilli(item.quantity);
              const price = parseAgorot(item.unitPrice);
              return (
                <Paper
                  key={item.key}
                  bg="gray.0"
                  p="sm"
                  radius="sm"
                  role="group"
                  aria-label={t('quotes.editor.itemN', { n })}
                >
                  <Stack gap="xs">
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {t('quotes.editor.itemN', { n })}
                      </Text>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          disabled={index === 0}
                          aria-label={t('quotes.editor.moveUp', { n })}
                          onClick={() => move(index, -1)}
                        >
                          <ArrowUpIcon size={18} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          disabled={index === values.items.length - 1}
                          aria-label={t('quotes.editor.moveDown', { n })}
                          onClick={() => move(index, 1)}
                        >
                          <ArrowDownIcon size={18} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          disabled={values.items.length === 1}
                          aria-label={t('quotes.editor.removeItem', { n })}
                          onClick={() =>
                            setItems(
                              null,
                              values.items.filter((_, i) => i !== index),
                            )
                          }
                        >
                          <TrashIcon size={18} />
                        </ActionIcon>
                      </Group>
                    </Group>
                    <TextInput
                      label={t('quotes.editor.description')}
                      required
                      value={item.description}
                      onChange={(e) => setItemField(index, 'description', e.currentTarget.value)}
                      error={form.error(`items.${index}.description`)}
                      dir="auto"
                    />
                    <Group gap="xs" align="flex-start" wrap="wrap">
                      <TextInput
                        w={90}
                        label={t('quotes.editor.quantity')}
                        inputMode="decimal"
                        value={item.quantity}
                        onChange={(e) => setItemField(index, 'quantity', e.currentTarget.value)}
                        error={form.error(`items.${index}.quantity`)}
                        dir="ltr"
                      />
                      <TextInput
                        w={110}
                        label={t('quotes.editor.unit')}
                        placeholder={t('quotes.editor.unitPlaceholder')}
                        value={item.unit}
                        onChange={(e) => setItemField(index, 'unit', e.currentTarget.value)}
                        error={form.error(`items.${index}.unit`)}
                        dir="auto"
                      />
                      <TextInput
                        w={150}
                        label={t('quotes.editor.unitPrice', { currency })}
                        inputMode="decimal"
                        value={item.unitPrice}
                        onChange={(e) => setItemField(index, 'unitPrice', e.currentTarget.value)}
                        error={form.error(`items.${index}.unitPrice`)}
                        dir="ltr"
                      />
                      <div>
                        <Text size="sm" fw={500}>
                          {t('quotes.editor.lineTotal')}
                        </Text>
                        <Text size="sm" mt={8} aria-live="polite">
                          {milli !== null && price !== null
                            ? money(lineTotal({ quantityMilli: milli, unitPrice: price }))
                            : '—'}
                        </Text>
                      </div>
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
            {itemsError && (
              <Text size="sm" c="var(--mantine-color-error)">
                {itemsError}
              </Text>
            )}
            <div>
              <Button
                variant="light"
                leftSection={<PlusIcon size={18} />}
                onClick={() => setItems(null, [...values.items, emptyLine()])}
                disabled={values.items.length >= 100}
              >
                {t('quotes.editor.addItem')}
              </Button>
            </div>
          </Stack>
        </Section>

        <Section id="quote-price" title={t('quotes.editor.price')}>
          <Stack gap="sm">
            <ChoiceChips
              label={t('quotes.editor.discount')}
              value={values.discountKind}
              options={discountOptions}
              onChange={(kind) => form.set('discountKind', kind)}
            />
            {values.discountKind !== 'none' && (
              <TextInput
                w={200}
                label={
                  values.discountKind === 'amount'
                    ? t('quotes.editor.discountValueAmount', { currency })
                    : t('quotes.editor.discountValuePercent')
                }
                inputMode="decimal"
                value={values.discountValue}
                onChange={(e) => form.update('discount', (prev) => ({ ...prev, discountValue: e.currentTarget.value }))}
                error={discountError}
                dir="ltr"
              />
            )}
            {!exempt && (
              <Switch
                label={t('quotes.editor.pricesIncludeVat')}
                description={t('quotes.editor.pricesIncludeVatHint')}
                checked={values.pricesIncludeVat}
                onChange={(e) => form.set('pricesIncludeVat', e.currentTarget.checked)}
              />
            )}
            <DateField
              w={200}
              label={t('quotes.editor.validUntil')}
              value={values.validUntil}
              onChange={(value) => form.set('validUntil', value)}
              error={form.error('validUntil')}
            />
            <TotalsTable
              totals={totals}
              money={money}
              exempt={exempt}
              vatBasisPoints={vatBasisPoints}
              includesVat={values.pricesIncludeVat}
            />
          </Stack>
        </Section>

        <Section id="quote-terms" title={t('quotes.editor.terms')}>
          <Stack gap="sm">
            <Select
              label={t('quotes.editor.termsTemplate')}
              description={t('quotes.editor.termsTemplateHint')}
              placeholder={t('quotes.editor.termsTemplatePlaceholder')}
              data={templates.map((tpl) => ({ value: tpl.id, label: `${tpl.name} (${t(`languages.${tpl.locale}`)})` }))}
              value={null}
              onChange={applyTemplate}
              w={{ base: '100%', sm: 360 }}
            />
            <TermsFields
              value={values.terms}
              dir={dir}
              onChange={(path, next: TermsValues) =>
                form.update(path === null ? null : `terms.${path}`, (prev) => ({ ...prev, terms: next }))
              }
              error={(path) => form.error(`terms.${path}`)}
            />
          </Stack>
        </Section>

        <Section id="quote-notes" title={t('quotes.editor.notes')}>
          <Textarea
            label={t('quotes.editor.notesLabel')}
            autosize
            minRows={3}
            maxRows={12}
            value={values.notes}
            onChange={(e) => form.set('notes', e.currentTarget.value)}
            error={form.error('notes')}
            dir="auto"
          />
        </Section>

        {needsReason && (
          <Alert color="blue" variant="light" c="dark.7" icon={<AlertIcon />}>
            <Stack gap="xs">
              <Text size="sm">{t('quotes.editor.newVersionNote')}</Text>
              <TextInput
                label={t('quotes.editor.reason')}
                required
                value={values.reason}
                onChange={(e) => form.set('reason', e.currentTarget.value)}
                onBlur={() => form.touch('reason')}
                error={form.error('reason') && t('quotes.editor.reasonRequired')}
                dir="auto"
              />
            </Stack>
          </Alert>
        )}

        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text fw={700} aria-live="polite">
            {t('quotes.editor.total')}
            {t('common.labelSeparator')}
            {money(totals.total)}
          </Text>
          <Group gap="sm">
            {onCancel && (
              <Button variant="subtle" color="gray" onClick={onCancel}>
                {t('actions.cancel')}
              </Button>
            )}
            <Button type="submit" loading={form.submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

type TotalsProps = {
  totals: ReturnType<typeof liveTotals>;
  money: (minor: number) => ReactNode;
  exempt: boolean;
  vatBasisPoints: number;
  includesVat: boolean;
};

/** Subtotal, discount, VAT (none for an exempt dealer) and what the client pays. */
export function TotalsTable({ totals, money, exempt, vatBasisPoints, includesVat }: TotalsProps) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const rows: [string, ReactNode, boolean?][] = [[t('quotes.editor.subtotal'), money(totals.subtotal)]];
  if (totals.discount > 0) rows.push([t('quotes.editor.discountLine'), money(-totals.discount)]);
  if (!exempt) {
    rows.push([t('quotes.editor.net'), money(totals.net)]);
    rows.push([t('quotes.editor.vat', { rate: formatPercent(vatBasisPoints, intl) }), money(totals.vat)]);
  }
  rows.push([t('quotes.editor.total'), money(totals.total), true]);
  return (
    <div>
      <table style={{ borderCollapse: 'collapse', minInlineSize: 260 }} aria-label={t('quotes.editor.totals')}>
        <tbody>
          {rows.map(([name, amount, strong]) => (
            <tr
              key={name}
              style={
                strong ? { borderBlockStart: '1px solid var(--mantine-color-gray-4)', fontWeight: 700 } : undefined
              }
            >
              <th
                scope="row"
                style={{ textAlign: 'start', fontWeight: strong ? 700 : 400, paddingBlock: 4, paddingInlineEnd: 24 }}
              >
                {name}
              </th>
              <td style={{ textAlign: 'end', paddingBlock: 4, fontVariantNumeric: 'tabular-nums' }}>{amount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Text size="xs" c="dimmed" mt={4}>
        {exempt ? t('quotes.editor.exempt') : includesVat ? t('quotes.editor.includesVat') : t('quotes.editor.plusVat')}
      </Text>
    </div>
  );
}
