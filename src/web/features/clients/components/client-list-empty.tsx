import { Button, EmptyState } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PlusIcon, SearchIcon, UsersIcon } from '../../../components/ui/icons';

/** The very first visit: say what this list is for and offer the one next step. */
export function NoClientsYet() {
  const { t } = useTranslation();
  return (
    <EmptyState
      py="xl"
      variant="light"
      color="mila"
      icon={<UsersIcon size={28} />}
      title={t('clients.empty.title')}
      description={t('clients.empty.description')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/clients/new" leftSection={<PlusIcon size={18} />}>
          {t('clients.empty.action')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

export function NoMatchingClients({ onClear }: { onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      py="xl"
      icon={<SearchIcon size={28} />}
      title={t('clients.noResults.title')}
      description={t('clients.noResults.description')}
    >
      <EmptyState.Actions>
        <Button variant="light" onClick={onClear}>
          {t('clients.noResults.clear')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
