import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { UserText } from '../../../components/ui/bidi';
import { useClient } from '../api/client-queries';

/** The client's name as a link to their page. */
export function ClientNameLink({ clientId }: { clientId: string }) {
  const client = useClient(clientId);
  return (
    <Anchor size="sm" renderRoot={(props) => <Link to="/clients/$clientId" params={{ clientId }} {...props} />}>
      <UserText>{client.data?.name ?? '…'}</UserText>
    </Anchor>
  );
}
