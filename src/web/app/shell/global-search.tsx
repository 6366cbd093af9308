import { Group, Kbd, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../shared/phone';
import { isolate } from '../../../shared/text';
import { Ltr } from '../../components/ui/bidi';
import { Dialog } from '../../components/ui/dialog';
import { SearchIcon } from '../../components/ui/icons';
import { Loading } from '../../components/ui/loading';
import { useClientSearch } from '../../features/clients/api/client-queries';
import { StatusBadge } from '../../features/clients/components/client-badges';
import classes from './global-search.module.css';

type Option = {
  id: string;
  label: string;
  /** Phone or e-mail, so two clients with the same name can be told apart. */
  detail?: string | undefined;
  status?: Parameters<typeof StatusBadge>[0]['status'];
  go: () => void;
};

/**
 * Search everything from anywhere (`/` or Ctrl/⌘K). Today it finds clients; quotes, projects and
 * contacts join the same option list later. An ARIA combobox: arrows move, Enter opens.
 */
export function GlobalSearch({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 150);
  const [active, setActive] = useState(0);
  const results = useClientSearch(query, { enabled: opened && query !== '', includeArchived: true });

  const close = () => {
    onClose();
    setText('');
    setActive(0);
  };

  const options: Option[] = query
    ? [
        ...(results.data?.items ?? []).map((client) => ({
          id: `${listId}-${client.id}`,
          label: client.name,
          detail: client.phone ? formatPhone(client.phone) : (client.email ?? undefined),
          status: client.status,
          go: () => void navigate({ to: '/clients/$clientId', params: { clientId: client.id } }),
        })),
        {
          id: `${listId}-all`,
          label: t('search.allResults', { q: isolate(query) }),
          go: () => void navigate({ to: '/clients', search: { q: query } }),
        },
        {
          id: `${listId}-new`,
          label: t('search.createClient', { name: isolate(query) }),
          go: () => void navigate({ to: '/clients/new', search: { name: query } }),
        },
      ]
    : [];
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  const choose = (option: Option | undefined) => {
    if (!option) return;
    close();
    option.go();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => (options.length ? (Math.min(i, options.length - 1) + 1) % options.length : 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (options.length ? (Math.min(i, options.length - 1) - 1 + options.length) % options.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(options[activeIndex]);
    }
  };

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={t('search.title')}
      closeLabel={t('actions.close')}
      size="lg"
      yOffset="10vh"
    >
      <TextInput
        data-autofocus
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options[activeIndex]?.id}
        placeholder={t('search.placeholder')}
        leftSection={<SearchIcon size={16} />}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
      />
      {query && results.isFetching && !results.data ? <Loading label={t('common.loading')} py="md" /> : null}
      <ul id={listId} role="listbox" aria-label={t('search.results')} className={classes.list}>
        {options.map((option, index) => (
          <li
            key={option.id}
            id={option.id}
            role="option"
            aria-selected={index === activeIndex}
            className={classes.option}
            onMouseEnter={() => setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            <span className={classes.name}>
              {option.status ? <bdi>{option.label}</bdi> : option.label}
              {option.detail && (
                <Text span size="sm" c="dimmed" ms="sm">
                  <Ltr>{option.detail}</Ltr>
                </Text>
              )}
            </span>
            {option.status && <StatusBadge status={option.status} size="xs" />}
          </li>
        ))}
      </ul>
      {!query && (
        <Group gap={6} mt="sm" c="dimmed">
          <Text size="sm">{t('search.hint')}</Text>
          <Kbd size="xs">{t('search.slashKey')}</Kbd>
          <Kbd size="xs">{t('search.ctrlK')}</Kbd>
        </Group>
      )}
      {query && results.data && results.data.items.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs" role="status">
          {t('search.noClients', { q: isolate(query) })}
        </Text>
      )}
    </Dialog>
  );
}
