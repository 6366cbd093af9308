import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlusIcon, TrashIcon } from '../../../components/ui/icons';
import { type TermsValues, newKey, type termTextFields } from './quote-form-values';

type Props = {
  value: TermsValues;
  /** path: the dotted path under the terms ("serviceHours", "clientObligations.0.what"). */
  onChange: (path: string | null, next: TermsValues) => void;
  error: (path: string) => string | undefined;
  dir?: 'rtl' | 'ltr';
};

/** Every field of the terms, editable; what the client supplies as rows (what, days after acceptance). */
export function TermsFields({ value, onChange, error, dir }: Props) {
  const { t } = useTranslation();
  const label = (field: (typeof termTextFields)[number] | 'clientObligations' | 'revisionRounds') =>
    t(`quoteDocument.${field}`, { ns: 'shared' });
  const obligations = value.clientObligations;
  const setObligation = (index: number, field: 'what' | 'days', text: string) =>
    onChange(`clientObligations.${index}.${field === 'days' ? 'dueDaysAfterAcceptance' : 'what'}`, {
      ...value,
      clientObligations: obligations.map((o, i) => (i === index ? { ...o, [field]: text } : o)),
    });
  const text = (field: (typeof termTextFields)[number], long: boolean) => {
    const common = {
      label: label(field),
      value: value[field],
      error: error(field),
      dir,
      onChange: (e: { currentTarget: { value: string } }) =>
        onChange(field, { ...value, [field]: e.currentTarget.value }),
    };
    return long ? (
      <Textarea key={field} autosize minRows={2} maxRows={8} {...common} />
    ) : (
      <TextInput key={field} {...common} />
    );
  };
  const before = (['serviceHours', 'deliveryTime'] as const).map((field) => text(field, false));
  const method = text('deliveryMethod', false);
  const after = (['paymentTerms', 'outOfScopePolicy', 'cancellation'] as const).map((field) => text(field, true));
  const obligationsLabel = label('clientObligations');
  const roundsLabel = label('revisionRounds');
  return (
    <Stack gap="sm">
      {before}
      <fieldset style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
        <legend style={{ padding: 0 }}>
          <Text size="sm" fw={500}>
            {obligationsLabel}
          </Text>
        </legend>
        <Stack gap="xs" mt={4}>
          {obligations.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('quotes.terms.noObligations')}
            </Text>
          )}
          {obligations.map((o, index) => (
            <Group
              key={o.key}
              gap="xs"
              align="flex-start"
              wrap="nowrap"
              role="group"
              aria-label={t('quotes.terms.obligationN', { n: index + 1 })}
            >
              <TextInput
                style={{ flex: 1, minInlineSize: 0 }}
                label={t('quotes.terms.obligationWhat')}
                value={o.what}
                onChange={(e) => setObligation(index, 'what', e.currentTarget.value)}
                error={error(`clientObligations.${index}.what`)}
                dir={dir}
                size="sm"
              />
              <TextInput
                w={170}
                label={t('quotes.terms.obligationDays')}
                inputMode="numeric"
                value={o.days}
                onChange={(e) => setObligation(index, 'days', e.currentTarget.value)}
                error={error(`clientObligations.${index}.dueDaysAfterAcceptance`)}
                size="sm"
              />
              <ActionIcon
                mt={26}
                variant="subtle"
                color="red"
                aria-label={t('quotes.terms.removeObligation', { n: index + 1 })}
                onClick={() =>
                  onChange(null, { ...value, clientObligations: obligations.filter((_, i) => i !== index) })
                }
              >
                <TrashIcon size={18} />
              </ActionIcon>
            </Group>
          ))}
          <div>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<PlusIcon size={16} />}
              onClick={() =>
                onChange(null, {
                  ...value,
                  clientObligations: [...obligations, { key: newKey(), what: '', days: '7' }],
                })
              }
            >
              {t('quotes.terms.addObligation')}
            </Button>
          </div>
        </Stack>
      </fieldset>
      {method}
      <NumberInput
        label={roundsLabel}
        description={t('quotes.terms.revisionRoundsHint')}
        value={value.revisionRounds}
        onChange={(next) => onChange('revisionRounds', { ...value, revisionRounds: String(next) })}
        error={error('revisionRounds')}
        min={0}
        max={20}
        allowDecimal={false}
        allowNegative={false}
        w={200}
      />
      {after}
    </Stack>
  );
}
