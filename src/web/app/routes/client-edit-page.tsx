import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/accounts/api/session-api';
import { EditClientEditor } from '../../features/clients/components/client-editor';
import { PlaybookHint } from '../../features/care/components/playbook-hint';
import { usePageTitle } from '../../lib/use-page-title';

const route = getRouteApi('/_app/clients/$clientId/edit');

export function ClientEditPage() {
  const { t } = useTranslation();
  const { clientId } = route.useParams();
  const me = useMe();
  const navigate = useNavigate();
  const backToClient = () => void navigate({ to: '/clients/$clientId', params: { clientId } });
  usePageTitle(t('clients.form.editTitle'));
  return (
    <EditClientEditor
      clientId={clientId}
      businessHours={me.workspace.serviceHours}
      onSaved={backToClient}
      onCancel={backToClient}
      renderTypeHint={(personality) => <PlaybookHint type={personality} />}
    />
  );
}
