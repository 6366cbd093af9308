import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChangeRequest } from '../../../../shared/schemas/projects';
import { MessageIcon, PlusIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useChangeRequests, useDecideChangeRequest } from '../api/project-queries';
import { ChangeRequestItem } from './change-requests';

type Props = {
  projectId: string;
  timeZone: string;
  currency: string;
  onLog: () => void;
  onOutOfScope: (request: ChangeRequest) => void;
};

/** "The client asked for more": each request, answered in scope at once or out of scope with a decision. */
export function ChangeRequestsSection({ projectId, timeZone, currency, onLog, onOutOfScope }: Props) {
  const { t } = useTranslation();
  const changes = useChangeRequests(projectId);
  const decide = useDecideChangeRequest(projectId);
  const items = changes.data ?? [];
  return (
    <SectionCard
      id="project-changes"
      title={t('projects.changes.title')}
      icon={<MessageIcon size={20} />}
      actions={
        <Button size="compact-sm" leftSection={<PlusIcon size={16} />} onClick={onLog}>
          {t('projects.changes.askedMore')}
        </Button>
      }
    >
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('projects.changes.empty')}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t('projects.changes.title')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {items.map((request) => (
            <ChangeRequestItem
              key={request.id}
              request={request}
              timeZone={timeZone}
              currency={currency}
              busy={decide.isPending && decide.variables.id === request.id}
              onOutOfScope={() => onOutOfScope(request)}
              onInScope={() =>
                decide.mutate(
                  { id: request.id, input: { inScope: true } },
                  { onSuccess: () => notifySuccess(t('projects.changes.decided')), onError: notifyError },
                )
              }
            />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
