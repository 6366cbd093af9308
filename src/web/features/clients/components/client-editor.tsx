import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { Client, Personality } from '../../../../shared/schemas/clients';
import type { Locale, WeeklyHours } from '../../../../shared/schemas/common';
import { UserText } from '../../../components/ui/bidi';
import { Loading } from '../../../components/ui/loading';
import { useClient } from '../api/client-queries';
import { ClientForm } from './client-form';
import { fromClient, newClientValues } from './client-form-values';
import { ClientLoadError } from './client-not-found';

type Common = {
  businessHours: WeeklyHours;
  onSaved: (client: Client) => void;
  onCancel: () => void;
  renderTypeHint?: (personality: Personality) => ReactNode;
};

export function NewClientEditor({
  defaultLanguage,
  initialName,
  ...rest
}: Common & { defaultLanguage: Locale; initialName?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('clients.form.newTitle')}
      </Title>
      <ClientForm initialValues={newClientValues(defaultLanguage, initialName)} {...rest} />
    </Stack>
  );
}

export function EditClientEditor({ clientId, ...rest }: Common & { clientId: string }) {
  const { t } = useTranslation();
  const client = useClient(clientId);
  if (client.isPending) return <Loading label={t('common.loading')} />;
  if (client.isError) return <ClientLoadError message={client.error.message} />;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('clients.form.editHeading')} <UserText>{client.data.name}</UserText>
      </Title>
      {/* Keyed by the saved version so a refetch after saving starts from fresh values. */}
      <ClientForm key={client.data.updatedAt} initialValues={fromClient(client.data)} clientId={clientId} {...rest} />
    </Stack>
  );
}
