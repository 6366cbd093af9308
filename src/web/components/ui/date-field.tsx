import { DatePickerInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/he';
import 'dayjs/locale/en';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Israel: the week starts on Sunday; Friday and Saturday are the weekend. */
export const DATE_SETTINGS = { firstDayOfWeek: 0, weekendDays: [5, 6] } as const;

type Props = {
  label?: ReactNode;
  'aria-label'?: string;
  /** A local day as the schemas take it (ZLocalDate, YYYY-MM-DD), or '' for none. */
  value: string;
  onChange: (value: string) => void;
  /** The first day that can be picked (YYYY-MM-DD). */
  min?: string;
  max?: string;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  clearable?: boolean;
  w?: number | string;
  size?: 'xs' | 'sm' | 'md';
  placeholder?: string;
};

/**
 * The app's own date field (Mantine dates): the day in the app's language ("24 בנובמבר 2026",
 * "24 November 2026") whatever the browser's locale, a Sunday-first calendar with the Israeli
 * weekend marked. The value stays YYYY-MM-DD, as the schemas expect.
 */
export function DateField({
  label,
  'aria-label': ariaLabel,
  value,
  onChange,
  min,
  max,
  error,
  description,
  required,
  clearable,
  w,
  size,
  placeholder,
}: Props) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'he';
  return (
    <DatesProvider settings={{ locale, ...DATE_SETTINGS, weekendDays: [...DATE_SETTINGS.weekendDays] }}>
      <DatePickerInput
        label={label}
        aria-label={ariaLabel}
        value={/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null}
        onChange={(next) => onChange(typeof next === 'string' ? next.slice(0, 10) : '')}
        minDate={min}
        maxDate={max}
        valueFormat="D MMMM YYYY"
        error={error}
        description={description}
        required={required}
        clearable={clearable}
        w={w}
        size={size}
        placeholder={placeholder}
        popoverProps={{ withinPortal: true }}
      />
    </DatesProvider>
  );
}
