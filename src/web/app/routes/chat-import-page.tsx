import { Alert, Anchor, Button, List, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading';
import { useMe } from '../../features/accounts/api/session-api';
import { useClient } from '../../features/clients/api/client-queries';
import { ClientPicker } from '../../features/clients/components/client-picker';
import { fetchSharedChat } from '../../features/imports/api/chat-import-api';
import { ChatImportWizard } from '../../features/imports/components/chat-import-wizard';
import { isApiError } from '../../lib/api-client';
import { usePageTitle } from '../../lib/use-page-title';

const clientRoute = getRouteApi('/_app/clients/$clientId/import-whatsapp');
const sharedRoute = getRouteApi('/_app/imports/whatsapp');

/** WhatsApp's own steps to make the file, so the user knows what to bring. */
function HowToExport() {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('chatImport.howTitle')}
      </Text>
      <List size="sm" type="ordered">
        <List.Item>{t('chatImport.how1')}</List.Item>
        <List.Item>{t('chatImport.how2')}</List.Item>
        <List.Item>{t('chatImport.how3')}</List.Item>
      </List>
    </Stack>
  );
}

function BackToClient({ clientId, name }: { clientId: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Button variant="light" renderRoot={(props) => <Link to="/clients/$clientId" params={{ clientId }} {...props} />}>
      {t('chatImport.toClient', { name })}
    </Button>
  );
}

/** After an import the contact log, promises and Today have changed: read them again. */
function useRefreshAfterImport() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries();
}

/** From the client's page: import a chat into that client's contact log. */
export function ChatImportPage() {
  const { t } = useTranslation();
  const { clientId } = clientRoute.useParams();
  const me = useMe();
  const client = useClient(clientId);
  const refresh = useRefreshAfterImport();
  const [done, setDone] = useState(false);
  usePageTitle(t('chatImport.title'));
  if (client.isPending) return <Loading label={t('common.loading')} />;
  if (client.isError) return <Text c="red.9">{client.error.message}</Text>;
  return (
    <Stack gap="md">
      <div>
        <Anchor size="sm" renderRoot={(props) => <Link to="/clients/$clientId" params={{ clientId }} {...props} />}>
          <bdi>{client.data.name}</bdi>
        </Anchor>
        <Title order={1} size="h2">
          {t('chatImport.title')}
        </Title>
      </div>
      {!done && <HowToExport />}
      <ChatImportWizard
        clientId={clientId}
        clientName={client.data.name}
        timeZone={me.workspace.timeZone}
        onDone={() => {
          setDone(true);
          refresh();
        }}
      />
      {done && <BackToClient clientId={clientId} name={client.data.name} />}
    </Stack>
  );
}

/** Where a chat shared from the phone lands: fetch the held file once, pick the client, import. */
export function SharedChatPage() {
  const { t } = useTranslation();
  const { shared } = sharedRoute.useSearch();
  const me = useMe();
  const refresh = useRefreshAfterImport();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [client, setClient] = useState<{ id: string; name: string } | null>(null);
  const [done, setDone] = useState(false);
  const fetched = useRef(false);
  usePageTitle(t('chatImport.title'));

  useEffect(() => {
    // The held file can be taken once: never fetch it twice (React may run effects twice).
    if (!shared || shared === 'none' || fetched.current) return;
    fetched.current = true;
    fetchSharedChat(shared)
      .then(setFile)
      .catch((e: unknown) => setError(isApiError(e) ? (e.fields[0]?.message ?? e.message) : t('chatImport.failed')));
  }, [shared, t]);

  const nothing = !shared || shared === 'none';
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('chatImport.title')}
      </Title>
      {nothing && (
        <Alert color="yellow" role="alert">
          {t('chatImport.nothingShared')}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!nothing && !error && !file && <Loading label={t('chatImport.receiving')} />}
      {(file || nothing) && (
        <>
          {file && (
            <Text>
              {t('chatImport.received')} <bdi>{file.name}</bdi>
            </Text>
          )}
          {!done && (
            <ClientPicker
              label={t('chatImport.whichClient')}
              value={client?.id ?? null}
              valueLabel={client?.name ?? null}
              onChange={(id, name) => setClient(id && name ? { id, name } : null)}
              clearLabel={t('chatImport.clearClient')}
              required
            />
          )}
          {client && (
            <ChatImportWizard
              key={client.id}
              clientId={client.id}
              clientName={client.name}
              timeZone={me.workspace.timeZone}
              initialFile={file}
              onDone={() => {
                setDone(true);
                refresh();
              }}
            />
          )}
          {done && client && <BackToClient clientId={client.id} name={client.name} />}
        </>
      )}
    </Stack>
  );
}
