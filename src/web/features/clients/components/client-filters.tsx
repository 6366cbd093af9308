import { Group, NativeSelect, Stack, Switch } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClientSort, clientSorts, clientStatuses, personalities } from '../../../../shared/schemas/clients';
import { isolate } from '../../../../shared/text';
import { ChipGroupField } from '../../../components/ui/chip-group-field';
import { healthViews, type ClientListFilters, type ClientsSearch, type HealthView } from '../api/client-list-filters';
import { useClientTags } from '../api/client-queries';

const MAX_TAG_CHIPS = 15;

type Props = {
  filters: ClientListFilters;
  health: HealthView | undefined;
  onChange: (patch: Partial<ClientsSearch>) => void;
};

export function ClientFilters({ filters, health, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const tags = useClientTags();

  const tagOptions = useMemo(() => {
    const popular = (tags.data ?? []).slice(0, MAX_TAG_CHIPS).map((item) => ({
      value: item.tag,
      // The tag and its count each isolated, and the label held to the screen's direction (a mark
      // first), so "אתר · 6" in English reads like "VIP · 5" instead of turning around the tag.
      label: `${i18n.dir() === 'rtl' ? '\u200f' : '\u200e'}${t('clients.tagWithCount', { tag: isolate(item.tag), count: isolate(String(item.count)) })}`,
    }));
    // A tag chosen from a link stays visible even when it is not among the most used.
    const missing = filters.tag
      .filter((tag) => !popular.some((p) => p.value === tag))
      .map((tag) => ({ value: tag, label: isolate(tag) }));
    return [...missing, ...popular];
  }, [tags.data, filters.tag, t, i18n]);

  return (
    <Stack gap="xs">
      <ChipGroupField
        inline
        label={t('clients.fields.status')}
        value={filters.status}
        options={clientStatuses.map((value) => ({ value, label: t(`statuses.${value}`) }))}
        onChange={(status) => onChange({ status })}
      />
      <ChipGroupField
        inline
        label={t('clients.fields.personality')}
        value={filters.personality}
        options={personalities.map((value) => ({ value, label: t(`personalities.${value}`) }))}
        onChange={(personality) => onChange({ personality })}
      />
      {tagOptions.length > 0 && (
        <ChipGroupField
          inline
          label={t('clients.fields.tags')}
          value={filters.tag}
          options={tagOptions}
          onChange={(tag) => onChange({ tag })}
        />
      )}
      <Group gap="md" justify="space-between" wrap="wrap">
        <Switch
          label={t('clients.showArchived')}
          checked={filters.archived !== 'exclude'}
          onChange={(event) => onChange({ archived: event.currentTarget.checked ? 'include' : undefined })}
        />
        <NativeSelect
          label={t('clients.sortLabel')}
          value={filters.sort}
          onChange={(event) => {
            const sort = clientSorts.find((s) => s === event.currentTarget.value);
            if (sort) onChange({ sort: sort === 'name' ? undefined : sort });
          }}
          data={clientSorts.map((value: ClientSort) => ({ value, label: t(`clients.sorts.${value}`) }))}
          size="xs"
          styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
          disabled={health !== undefined}
        />
        <NativeSelect
          label={t('clients.health.label')}
          value={health ?? ''}
          onChange={(event) => onChange({ health: healthViews.find((h) => h === event.currentTarget.value) })}
          data={[
            { value: '', label: t('clients.health.any') },
            ...healthViews.map((value) => ({ value, label: t(`clients.health.${value}`) })),
          ]}
          size="xs"
          styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
        />
      </Group>
    </Stack>
  );
}
