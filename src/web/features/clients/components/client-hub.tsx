import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { useClient } from '../api/client-queries';
import { ClientHeader } from './client-header';
import { ClientLoadError } from './client-not-found';
import { ClientSections } from './client-sections';

/** The client page: who they are, how to reach them, and everything known about them. */
export function ClientHub({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const { t } = useTranslation();
  const client = useClient(clientId);
  if (client.isPending) return <Loading label={t('common.loading')} />;
  if (client.isError) return <ClientLoadError message={client.error.message} />;
  return (
    <Stack gap="md">
      <ClientHeader client={client.data} />
      <ClientSections client={client.data} timeZone={timeZone} />
    </Stack>
  );
}
