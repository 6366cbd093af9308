import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../../shared/schemas/care';
import { isolate } from '../../../shared/text';
import { Loading } from '../../components/ui/loading';
import { useMe } from '../../features/accounts/api/session-api';
import { useConflict } from '../../features/care/api/care-queries';
import { ConflictWorksheet } from '../../features/care/components/conflict-worksheet';
import { useClient } from '../../features/clients/api/client-queries';
import { MessageComposer } from '../../features/messages/components/message-composer';
import { notifySuccess } from '../../lib/notify';
import { usePageTitle } from '../../lib/use-page-title';
import { todayIn } from '../../lib/zoned-dates';

/** The worksheet for a client: their contacts are who may be involved (the source of pressure). */
function Worksheet({ clientId, conflict }: { clientId: string; conflict: Conflict | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const client = useClient(clientId);
  usePageTitle(t('care.conflicts.worksheet'));
  if (client.isPending) return <Loading label={t('common.loading')} />;
  if (client.isError) return <Text c="red.9">{client.error.message}</Text>;
  const back = () => void navigate({ to: '/clients/$clientId', params: { clientId } });
  return (
    <Stack gap="md">
      <div>
        <Anchor size="sm" renderRoot={(props) => <Link to="/clients/$clientId" params={{ clientId }} {...props} />}>
          <bdi>{client.data.name}</bdi>
        </Anchor>
        <Title order={1} size="h2">
          {t('care.conflicts.worksheet')}
        </Title>
      </div>
      <ConflictWorksheet
        clientId={clientId}
        conflict={conflict}
        contacts={client.data.contacts}
        today={todayIn(me.workspace.timeZone)}
        contactsLink={
          <Anchor
            size="sm"
            renderRoot={(props) => <Link to="/clients/$clientId/edit" params={{ clientId }} {...props} />}
          >
            {t('care.conflicts.addContacts')}
          </Anchor>
        }
        onFinished={() => {
          notifySuccess(t('care.conflicts.saved', { name: isolate(client.data.name) }));
          back();
        }}
        composer={MessageComposer}
        onResolved={back}
        onCancel={back}
      />
    </Stack>
  );
}

const newRoute = getRouteApi('/_app/clients/$clientId/conflicts/new');
const caseRoute = getRouteApi('/_app/clients/$clientId/conflicts/$conflictId');

export function ConflictNewPage() {
  const { clientId } = newRoute.useParams();
  return <Worksheet clientId={clientId} conflict={null} />;
}

export function ConflictPage() {
  const { t } = useTranslation();
  const { clientId, conflictId } = caseRoute.useParams();
  const conflict = useConflict(conflictId);
  if (conflict.isPending) return <Loading label={t('common.loading')} />;
  if (conflict.isError) return <Text c="red.9">{conflict.error.message}</Text>;
  return <Worksheet key={conflict.data.id} clientId={clientId} conflict={conflict.data} />;
}
