import { getRouteApi } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useMe } from '../../features/accounts/api/session-api';
import { clientQuery } from '../../features/clients/api/client-queries';
import { ClientHub } from '../../features/clients/components/client-hub';
import { usePageTitle } from '../../lib/use-page-title';

const route = getRouteApi('/_app/clients/$clientId');

export function ClientPage() {
  const { clientId } = route.useParams();
  const me = useMe();
  const client = useQuery(clientQuery(clientId));
  usePageTitle(client.data?.name ?? null);
  return <ClientHub clientId={clientId} timeZone={me.workspace.timeZone} />;
}
