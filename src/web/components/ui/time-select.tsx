import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Every quarter hour, plus 23:59 so a range can run to the end of the day. */
const QUARTERS = [
  ...Array.from(
    { length: 96 },
    (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
  ),
  '23:59',
];

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  className?: string;
  /** Show the label above the field (alone in a form) instead of only naming it for screen readers. */
  visibleLabel?: boolean;
  placeholder?: string;
};

/**
 * A 24-hour time picker that looks the same in every browser (a native time input follows the
 * browser's locale and may show AM/PM). Typing "14" narrows the list to 14:00–14:45.
 */
export function TimeSelect({ label, value, onChange, error, className, visibleLabel = false, placeholder }: Props) {
  const { t } = useTranslation();
  const data = useMemo(() => (QUARTERS.includes(value) || !value ? QUARTERS : [value, ...QUARTERS].sort()), [value]);
  return (
    <Select
      {...(visibleLabel ? { label } : { 'aria-label': label })}
      placeholder={placeholder}
      className={className}
      data={data}
      value={value || null}
      onChange={(next) => next && onChange(next)}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('common.nothingFound')}
      error={error}
      dir="ltr"
      maxDropdownHeight={240}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
