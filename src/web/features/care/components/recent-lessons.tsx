import { Anchor, List, Skeleton, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import { useIncidents } from '../api/care-queries';

const SHOWN = 3;

/** The last few mistakes by what they taught (their prevention step), and the way to all of them. */
export function RecentLessons() {
  const { t } = useTranslation();
  const list = useIncidents({});
  const items = (list.data?.pages[0]?.items ?? []).filter((i) => i.prevention).slice(0, SHOWN);
  return (
    <SectionCard id="insights-lessons" title={t('care.lessons.title')} icon={<AlertIcon size={20} />}>
      {list.isPending ? (
        <Skeleton height={60} />
      ) : list.isError ? (
        <Text size="sm" c="red.9">
          {list.error.message}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('care.lessons.empty')}
        </Text>
      ) : (
        <List size="sm" spacing={6}>
          {items.map((incident) => (
            <List.Item key={incident.id}>
              <bdi>{incident.prevention}</bdi>
              <Text span size="xs" c="dimmed">
                {' · '}
                <bdi>{incident.clientName}</bdi>
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Anchor
        size="sm"
        mt="sm"
        display="inline-block"
        renderRoot={(props) => <Link to="/insights/mistakes" {...props} />}
      >
        {t('care.lessons.all')}
      </Anchor>
    </SectionCard>
  );
}
