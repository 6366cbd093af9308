import { Alert, Button, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commitment, CommitmentDirection } from '../../../../shared/schemas/commitments';
import { AlertIcon, PlusIcon, PromiseIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import { useNow } from '../../../lib/use-when';
import { useCommitments } from '../api/commitment-queries';
import { type CommitmentActions, CommitmentItem } from './commitment-item';

type Props = CommitmentActions & {
  clientId: string;
  timeZone: string;
  onAdd: (direction: CommitmentDirection) => void;
};

/** The client page's "who owes what": my open promises and theirs, side by side on a desktop. */
export function OpenPromises({ clientId, timeZone, onAdd, ...actions }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const list = useCommitments({ clientId, state: 'open', limit: 200 });
  const items = list.data ?? [];
  const mine = items.filter((c) => c.direction === 'mine');
  const theirs = items.filter((c) => c.direction === 'theirs');

  return (
    <SectionCard
      id="client-open-promises"
      title={t('commitments.open.title')}
      icon={<PromiseIcon size={20} />}
      count={list.data ? t('commitments.count', { count: items.length }) : undefined}
    >
      {list.isError ? (
        <Alert color="red" icon={<AlertIcon />}>
          {list.error.message}
        </Alert>
      ) : !list.data ? (
        <Stack gap="xs" aria-hidden="true">
          <Skeleton height={48} />
          <Skeleton height={48} />
        </Stack>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
          <PromiseColumn direction="mine" rows={mine} timeZone={timeZone} now={now} onAdd={onAdd} actions={actions} />
          <PromiseColumn
            direction="theirs"
            rows={theirs}
            timeZone={timeZone}
            now={now}
            onAdd={onAdd}
            actions={actions}
          />
        </SimpleGrid>
      )}
    </SectionCard>
  );
}

type ColumnProps = {
  direction: CommitmentDirection;
  rows: Commitment[];
  timeZone: string;
  now: Date;
  onAdd: (direction: CommitmentDirection) => void;
  actions: CommitmentActions;
};

function PromiseColumn({ direction, rows, timeZone, now, onAdd, actions }: ColumnProps) {
  const { t } = useTranslation();
  const headingId = `open-promises-${direction}`;
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={3} size="h5" id={headingId}>
          {direction === 'mine' ? t('commitments.open.mine') : t('commitments.open.theirs')}{' '}
          <Text span c="dimmed" fw={500} size="sm">
            {t('commitments.count', { count: rows.length })}
          </Text>
        </Title>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<PlusIcon size={14} />}
          onClick={() => onAdd(direction)}
          aria-label={direction === 'mine' ? t('commitments.open.addMine') : t('commitments.open.addTheirs')}
        >
          {t('commitments.open.add')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {direction === 'mine' ? t('commitments.open.noneMine') : t('commitments.open.noneTheirs')}
        </Text>
      ) : (
        <div role="list">
          {rows.map((commitment) => (
            <div role="listitem" key={commitment.id}>
              <CommitmentItem commitment={commitment} timeZone={timeZone} now={now} showClient={false} {...actions} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
