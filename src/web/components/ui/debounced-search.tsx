import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { SearchIcon } from './icons';

type Props = {
  label: string;
  placeholder: string;
  /** The search as it stands (from the URL). */
  value: string;
  /** Called once typing pauses, with the trimmed text: the list then asks the server. */
  onCommit: (q: string) => void;
};

/** A list's search box: typed freely, committed a quarter second after the last key. */
export function DebouncedSearch({ label, placeholder, value, onCommit }: Props) {
  const [typed, setTyped] = useState(value);
  const [debounced] = useDebouncedValue(typed, 250);
  useEffect(() => {
    if (debounced.trim() !== value) onCommit(debounced.trim());
    // Only the typed text drives this; the committed value follows it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return (
    <TextInput
      style={{ flex: '1 1 14rem' }}
      label={label}
      placeholder={placeholder}
      leftSection={<SearchIcon size={16} />}
      value={typed}
      onChange={(e) => setTyped(e.currentTarget.value)}
      type="search"
    />
  );
}
