import { Button, EmptyState } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../../components/ui/icons';

export function ClientLoadError({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState py="xl" icon={<AlertIcon size={28} />} title={t('clients.page.notFoundTitle')} description={message}>
      <EmptyState.Actions>
        <Button component={Link} to="/clients" variant="light">
          {t('clients.page.backToList')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
