import { Group, Kbd, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import type { ParseKeys } from 'i18next';
import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../shared/phone';
import { clientStatuses } from '../../../shared/schemas/clients';
import type { SearchHit, SearchKind } from '../../../shared/schemas/search';
import { isolate } from '../../../shared/text';
import { Ltr } from '../../components/ui/bidi';
import { Dialog } from '../../components/ui/dialog';
import { SearchIcon } from '../../components/ui/icons';
import { Loading } from '../../components/ui/loading';
import { StatusBadge } from '../../features/clients/components/client-badges';
import { useGlobalSearch } from '../../features/search/api/search-queries';
import classes from './global-search.module.css';

type Option = {
  id: string;
  label: string;
  /** Phone, e-mail, role, or the client a quote or project belongs to, so like names can be told apart. */
  detail?: string | undefined;
  /** Numbers and phones read left to right inside Hebrew. */
  ltrDetail?: boolean;
  clientStatus?: Parameters<typeof StatusBadge>[0]['status'] | undefined;
  user?: boolean;
  go: () => void;
};

const groupTitles: Record<SearchKind, ParseKeys> = {
  clients: 'search.groups.clients',
  contacts: 'search.groups.contacts',
  quotes: 'search.groups.quotes',
  projects: 'search.groups.projects',
  changeRequests: 'search.groups.changeRequests',
};

const isClientStatus = (s: string | null): s is (typeof clientStatuses)[number] =>
  clientStatuses.some((status) => status === s);

/**
 * Search everything from anywhere (`/` or Ctrl/⌘K): clients, the people at them, quotes (number or
 * title), projects and change requests, grouped, the best match first. An ARIA combobox: arrows
 * move through every group, Enter opens the screen of the one chosen.
 */
export function GlobalSearch({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 150);
  const [active, setActive] = useState(0);
  const results = useGlobalSearch(query, { enabled: opened && query !== '' });

  const close = () => {
    onClose();
    setText('');
    setActive(0);
  };

  const toOption = (kind: SearchKind, hit: SearchHit): Option => {
    const id = `${listId}-${kind}-${hit.id}`;
    const openClient = () => void navigate({ to: '/clients/$clientId', params: { clientId: hit.clientId } });
    const openProject = () =>
      hit.projectId
        ? void navigate({ to: '/projects/$projectId', params: { projectId: hit.projectId } })
        : openClient();
    switch (kind) {
      case 'clients':
        return {
          id,
          label: hit.title,
          user: true,
          detail: hit.detail ? (hit.detail.includes('@') ? hit.detail : formatPhone(hit.detail)) : undefined,
          ltrDetail: true,
          clientStatus: isClientStatus(hit.status) ? hit.status : undefined,
          go: openClient,
        };
      case 'contacts':
        return {
          id,
          label: hit.title,
          user: true,
          detail: `${hit.clientName}${hit.detail ? ` · ${hit.detail}` : ''}`,
          go: openClient,
        };
      case 'quotes':
        return {
          id,
          label: hit.title,
          user: true,
          detail: `${hit.detail ?? ''} · ${hit.clientName}`,
          go: () => void navigate({ to: '/quotes/$quoteId', params: { quoteId: hit.id } }),
        };
      case 'projects':
      case 'changeRequests':
        return { id, label: hit.title, user: true, detail: hit.clientName, go: openProject };
    }
  };

  const groups = query
    ? (results.data?.groups ?? [])
        .filter((group) => group.items.length > 0)
        .map((group) => ({ kind: group.kind, options: group.items.map((hit) => toOption(group.kind, hit)) }))
    : [];
  const more: Option[] = query
    ? [
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
  const options = [...groups.flatMap((g) => g.options), ...more];
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const found = groups.length > 0;

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

  const renderOption = (option: Option) => {
    const index = options.indexOf(option);
    return (
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
          {option.user ? <bdi>{option.label}</bdi> : option.label}
          {option.detail && (
            <Text span size="sm" c="dimmed" ms="sm">
              {option.ltrDetail ? <Ltr>{option.detail}</Ltr> : <bdi>{option.detail}</bdi>}
            </Text>
          )}
        </span>
        {option.clientStatus && <StatusBadge status={option.clientStatus} size="xs" />}
      </li>
    );
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
        {groups.map((group) => (
          <li key={group.kind} role="presentation">
            <div id={`${listId}-${group.kind}`} className={classes.groupTitle} aria-hidden="true">
              {t(groupTitles[group.kind])}
            </div>
            <ul role="group" aria-labelledby={`${listId}-${group.kind}`} className={classes.group}>
              {group.options.map(renderOption)}
            </ul>
          </li>
        ))}
        {more.length > 0 && (
          <li role="presentation">
            <ul role="group" aria-label={t('search.groups.more')} className={classes.group}>
              {more.map(renderOption)}
            </ul>
          </li>
        )}
      </ul>
      {!query && (
        <Group gap={6} mt="sm" c="dimmed">
          <Text size="sm">{t('search.hint')}</Text>
          <Kbd size="xs">{t('search.slashKey')}</Kbd>
          <Kbd size="xs">{t('search.ctrlK')}</Kbd>
        </Group>
      )}
      {query && results.data && !found && (
        <Text size="sm" c="dimmed" mt="xs" role="status">
          {t('search.nothing', { q: isolate(query) })}
        </Text>
      )}
    </Dialog>
  );
}
