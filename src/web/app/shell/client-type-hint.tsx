import { useQuery } from '@tanstack/react-query';
import { PlaybookHint } from '../../features/care/components/playbook-hint';
import { clientQuery } from '../../features/clients/api/client-queries';

/**
 * The playbook's one line for a client known only by id (the quote and scope screens): the
 * client's type comes from the clients feature, its hint from care; pages join the two here.
 */
export function ClientTypeHint({ clientId }: { clientId: string | null }) {
  const client = useQuery({ ...clientQuery(clientId ?? ''), enabled: clientId !== null });
  return <PlaybookHint type={clientId ? (client.data?.personality ?? null) : null} />;
}
