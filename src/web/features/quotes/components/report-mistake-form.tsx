import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZReportMistake } from '../../../../shared/schemas/quotes';
import { type Choice, ChoiceChips } from '../../../components/ui/choice-chips';
import { parseAgorot } from '../../../lib/money-input';
import { useSchemaForm } from '../../../lib/use-schema-form';

type MistakeMode = 'honour' | 'reissue';
type MistakeValues = { mode: MistakeMode; reason: string; amount: string; goodwill: string };

const initialValues: MistakeValues = { mode: 'honour', reason: '', amount: '', goodwill: '' };

/** The form's text as the API reads it; the re-issue's changes are written next, in the editor. */
function toInput(values: MistakeValues): unknown {
  return values.mode === 'honour'
    ? { mode: 'honour', reason: values.reason, absorbedAmount: parseAgorot(values.amount) ?? Number.NaN }
    : { mode: 'reissue', reason: values.reason, changes: {}, goodwill: values.goodwill };
}

type Props = {
  currency: string;
  onCancel: () => void;
  onHonour: (reason: string, absorbedAmount: number) => void;
  onReissue: (reason: string, goodwill: string) => void;
};

/** Honour the price (record what you absorb) or re-issue with an apology and maybe a goodwill gesture. */
export function ReportMistakeForm({ currency, onCancel, onHonour, onReissue }: Props) {
  const { t } = useTranslation();
  const form = useSchemaForm({ schema: ZReportMistake, initialValues, toInput });
  const { values } = form;
  const options: Choice<MistakeMode>[] = [
    { value: 'honour', label: t('quotes.mistake.honour') },
    { value: 'reissue', label: t('quotes.mistake.reissue') },
  ];
  return (
    <form
      noValidate
      onSubmit={form.submit((data) => {
        if (data.mode === 'honour') onHonour(data.reason, data.absorbedAmount);
        else onReissue(data.reason, data.goodwill ?? '');
      })}
    >
      <Stack gap="md">
        <Text size="sm">{t('quotes.mistake.intro')}</Text>
        <ChoiceChips
          label={t('quotes.mistake.choose')}
          value={values.mode}
          options={options}
          onChange={(mode) => form.set('mode', mode)}
        />
        <Text size="sm" c="dimmed">
          {values.mode === 'honour' ? t('quotes.mistake.honourHint') : t('quotes.mistake.reissueHint')}
        </Text>
        <TextInput
          label={t('quotes.mistake.reason')}
          required
          value={values.reason}
          onChange={(e) => form.set('reason', e.currentTarget.value)}
          maxLength={500}
          error={form.error('reason') && t('quotes.mistake.reasonRequired')}
          dir="auto"
          data-autofocus
        />
        {values.mode === 'honour' ? (
          <TextInput
            w={220}
            label={t('quotes.mistake.absorbed', { currency })}
            inputMode="decimal"
            value={values.amount}
            onChange={(e) => form.update('absorbedAmount', (v) => ({ ...v, amount: e.currentTarget.value }))}
            error={form.error('absorbedAmount') && t('quotes.mistake.amountInvalid')}
            dir="ltr"
          />
        ) : (
          <TextInput
            label={t('quotes.mistake.goodwill')}
            description={t('quotes.mistake.goodwillHint')}
            value={values.goodwill}
            maxLength={500}
            onChange={(e) => form.set('goodwill', e.currentTarget.value)}
            error={form.error('goodwill')}
            dir="auto"
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit">
            {values.mode === 'honour' ? t('quotes.mistake.writeMessage') : t('quotes.mistake.editQuote')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
