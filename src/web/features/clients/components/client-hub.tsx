import { Grid, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Personality } from '../../../../shared/schemas/clients';
import { Loading } from '../../../components/ui/loading';
import { useClient } from '../api/client-queries';
import { ClientHeader } from './client-header';
import { ClientLoadError } from './client-not-found';
import { ClientSections } from './client-sections';

type Props = {
  clientId: string;
  timeZone: string;
  /** Buttons for the header (log a contact, add a promise): other features, composed by the page. */
  headerActions?: (client: Client) => ReactNode;
  /** The type badge with its playbook (features/care). */
  renderType?: (personality: Personality) => ReactNode;
  /** More header badges (the health score), composed by the page. */
  headerBadges?: (client: Client) => ReactNode;
  /** What is owed each way and the timeline: the main column. */
  main?: (client: Client) => ReactNode;
  /** Beside the main column on a desktop (word-keeping), above this client's details. */
  aside?: (client: Client) => ReactNode;
};

/** The client page: who they are, how to reach them, and everything known about them. */
export function ClientHub({ clientId, timeZone, headerActions, renderType, headerBadges, main, aside }: Props) {
  const { t } = useTranslation();
  const client = useClient(clientId);
  if (client.isPending) return <Loading label={t('common.loading')} />;
  if (client.isError) return <ClientLoadError message={client.error.message} />;
  const sections = <ClientSections client={client.data} timeZone={timeZone} />;
  return (
    <Stack gap="md">
      <ClientHeader
        client={client.data}
        actions={headerActions?.(client.data)}
        renderType={renderType}
        badges={headerBadges?.(client.data)}
      />
      {main ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">{main(client.data)}</Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              {aside?.(client.data)}
              {sections}
            </Stack>
          </Grid.Col>
        </Grid>
      ) : (
        sections
      )}
    </Stack>
  );
}
