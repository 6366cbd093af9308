import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/accounts/api/session-api';
import { ClientsView } from '../../features/clients/components/clients-view';
import { HealthClientList } from '../../features/insights/components/health/health-client-list';
import { usePageTitle } from '../../lib/use-page-title';

const route = getRouteApi('/_app/clients');

export function ClientsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { role } = useMe().user;
  usePageTitle(t('clients.title'));
  return (
    <ClientsView
      search={search}
      onSearchChange={(patch, options) =>
        void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: options?.replace ?? false })
      }
      onClearFilters={() => void navigate({ search: {} })}
      canAdd={role !== 'viewer'}
      canExport={role === 'owner'}
      healthList={search.health ? <HealthClientList view={search.health} /> : undefined}
    />
  );
}
