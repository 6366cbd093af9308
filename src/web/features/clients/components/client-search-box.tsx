import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from '../../../components/ui/icons';

const DEBOUNCE_MS = 200;

/** Search as you type; the URL is updated after a short pause, not on every keystroke. */
export function ClientSearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const lastSent = useRef(value);
  const send = useDebouncedCallback((q: string) => {
    lastSent.current = q;
    onSearch(q);
  }, DEBOUNCE_MS);

  // Follow changes that did not come from typing here (clear filters, back button).
  useEffect(() => {
    if (value !== lastSent.current.trim()) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  return (
    <TextInput
      type="search"
      aria-label={t('clients.searchLabel')}
      placeholder={t('clients.searchPlaceholder')}
      leftSection={<SearchIcon size={16} />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        send(event.currentTarget.value);
      }}
      rightSection={
        text ? (
          <CloseButton
            aria-label={t('clients.clearSearch')}
            size="sm"
            onClick={() => {
              setText('');
              lastSent.current = '';
              onSearch('');
            }}
          />
        ) : null
      }
      flex={1}
      miw={0}
    />
  );
}
