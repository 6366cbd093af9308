import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientSearch } from '../api/client-queries';

type Props = {
  label: string;
  description?: string;
  value: string | null;
  /** Name of the selected client, so the field can show it before any search. */
  valueLabel: string | null;
  onChange: (id: string | null, name: string | null) => void;
  excludeId?: string | undefined;
  error?: string | undefined;
  /** Names the clear button for what the field is (defaults to the referring client). */
  clearLabel?: string;
  required?: boolean;
};

/** Pick another client by typing part of the name; the server does the matching. */
export function ClientPicker({
  label,
  description,
  value,
  valueLabel,
  onChange,
  excludeId,
  error,
  clearLabel,
  required,
}: Props) {
  const { t } = useTranslation();
  const [searchValue, setSearchValue] = useState(valueLabel ?? '');
  const [query] = useDebouncedValue(searchValue, 200);
  const typing = query.trim() !== '' && query !== valueLabel;
  const results = useClientSearch(query.trim(), { enabled: typing });

  const data = useMemo(() => {
    const options = (typing ? (results.data?.items ?? []) : [])
      .filter((c) => c.id !== excludeId)
      .map((c) => ({ value: c.id, label: c.name }));
    if (value && valueLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: valueLabel });
    return options;
  }, [typing, results.data, excludeId, value, valueLabel]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('clients.form.pickClientPlaceholder')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': clearLabel ?? t('clients.form.clearReferrer') }}
      required={required}
      data={data}
      value={value}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      onChange={(id, option) => onChange(id, option?.label ?? null)}
      // Matching happens on the server (Hebrew prefixes, niqqud); show what it returned.
      filter={({ options }) => options}
      nothingFoundMessage={typing && !results.isFetching ? t('common.nothingFound') : undefined}
      error={error}
    />
  );
}
