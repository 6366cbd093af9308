import { getRouteApi, useNavigate, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/accounts/api/session-api';
import { NewClientEditor } from '../../features/clients/components/client-editor';
import { PlaybookHint } from '../../features/care/components/playbook-hint';
import { usePageTitle } from '../../lib/use-page-title';

const route = getRouteApi('/_app/clients/new');

export function ClientNewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const router = useRouter();
  const { name } = route.useSearch();
  usePageTitle(t('clients.form.newTitle'));
  return (
    <NewClientEditor
      defaultLanguage={me.workspace.locale}
      businessHours={me.workspace.serviceHours}
      {...(name ? { initialName: name } : {})}
      onSaved={(client) => void navigate({ to: '/clients/$clientId', params: { clientId: client.id } })}
      onCancel={() => router.history.back()}
      renderTypeHint={(personality) => <PlaybookHint type={personality} />}
    />
  );
}
