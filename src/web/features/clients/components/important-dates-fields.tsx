import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dateCalendars, importantDateKinds } from '../../../../shared/schemas/clients';
import { hebrewMonthName, hebrewMonths } from '../../../../shared/time/hebrew-dates';
import { PlusIcon, TrashIcon } from '../../../components/ui/icons';
import { monthName } from '../../../lib/format';
import { currentIntlLocale, currentLanguage } from '../../../lib/i18n';
import { type ImportantDateValues, emptyImportantDate } from './client-form-values';

const MAX_DATES = 20;

type Props = {
  value: ImportantDateValues[];
  onChange: (next: ImportantDateValues[], path: string | null) => void;
  error: (path: string) => string | undefined;
};

export function ImportantDatesFields({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1, intlLocale) }));
  // Hebrew month names from Intl in the UI language (אדר א׳ / Adar I).
  const language = currentLanguage();
  const hebrewMonthOptions = hebrewMonths.map((m) => ({ value: m, label: hebrewMonthName(m, language) }));

  const replace = (index: number, patch: Partial<ImportantDateValues>, field: keyof ImportantDateValues) =>
    onChange(
      value.map((d, i) => (i === index ? { ...d, ...patch } : d)),
      `importantDates.${index}.${field}`,
    );

  return (
    <Stack gap="sm">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('clients.form.noDates')}
        </Text>
      )}
      {value.map((date, index) => {
        const path = `importantDates.${index}`;
        const n = index + 1;
        return (
          <Fieldset key={date.key} legend={t('clients.form.dateLegend', { n })} p="sm">
            <SegmentedControl
              size="xs"
              mb="sm"
              aria-label={t('clients.form.calendar')}
              data={dateCalendars.map((c) => ({ value: c, label: t(`clients.form.calendars.${c}`) }))}
              value={date.calendar}
              onChange={(calendar) => {
                const found = dateCalendars.find((c) => c === calendar);
                if (found) replace(index, { calendar: found }, 'calendar');
              }}
            />
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Select
                label={t('clients.form.dateKind')}
                data={importantDateKinds.map((kind) => ({ value: kind, label: t(`importantDateKinds.${kind}`) }))}
                value={date.kind}
                onChange={(kind) => {
                  const found = importantDateKinds.find((k) => k === kind);
                  if (found) replace(index, { kind: found }, 'kind');
                }}
                allowDeselect={false}
                w={170}
                error={error(`${path}.kind`)}
              />
              <TextInput
                label={t('clients.form.dateLabel')}
                placeholder={t('clients.form.dateLabelPlaceholder')}
                value={date.label}
                onChange={(e) => replace(index, { label: e.currentTarget.value }, 'label')}
                error={error(`${path}.label`)}
                w={180}
              />
              <NumberInput
                label={t('clients.form.day')}
                min={1}
                max={date.calendar === 'hebrew' ? 30 : 31}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                value={date.day}
                onChange={(day) => replace(index, { day }, 'day')}
                error={error(`${path}.day`)}
                w={80}
                dir="ltr"
              />
              {date.calendar === 'hebrew' ? (
                <Select
                  label={t('clients.form.hebrewMonth')}
                  data={hebrewMonthOptions}
                  value={date.hebrewMonth}
                  onChange={(m) =>
                    replace(index, { hebrewMonth: hebrewMonths.find((h) => h === m) ?? null }, 'hebrewMonth')
                  }
                  error={error(`${path}.hebrewMonth`)}
                  w={140}
                />
              ) : (
                <Select
                  label={t('clients.form.month')}
                  data={months}
                  value={date.month === null ? null : String(date.month)}
                  onChange={(month) => replace(index, { month: month ? Number(month) : null }, 'month')}
                  error={error(`${path}.month`)}
                  w={140}
                />
              )}
              <NumberInput
                label={t('clients.form.year')}
                description={date.calendar === 'hebrew' ? t('clients.form.hebrewYearHint') : t('common.optional')}
                min={date.calendar === 'hebrew' ? 5600 : 1900}
                max={date.calendar === 'hebrew' ? 5900 : 2100}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                thousandSeparator={false}
                value={date.year}
                onChange={(year) => replace(index, { year }, 'year')}
                error={error(`${path}.year`)}
                w={100}
                dir="ltr"
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={t('clients.form.removeDate', { n })}
                onClick={() =>
                  onChange(
                    value.filter((_, i) => i !== index),
                    null,
                  )
                }
              >
                <TrashIcon size={18} />
              </ActionIcon>
            </Group>
            {date.calendar === 'hebrew' && (
              <Text size="xs" c="dimmed" mt="xs">
                {t('clients.form.hebrewRule')}
              </Text>
            )}
          </Fieldset>
        );
      })}
      {value.length < MAX_DATES && (
        <div>
          <Button
            variant="light"
            size="xs"
            leftSection={<PlusIcon size={16} />}
            onClick={() => onChange([...value, emptyImportantDate()], null)}
          >
            {t('clients.form.addDate')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
