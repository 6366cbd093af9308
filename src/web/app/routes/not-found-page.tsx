import { Button, EmptyState } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../components/ui/icons';
import { usePageTitle } from '../../lib/use-page-title';
import { PublicLayout } from '../shell/public-layout';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <PublicLayout>
      <EmptyState
        py="md"
        icon={<AlertIcon size={28} />}
        title={t('notFound.title')}
        description={t('notFound.description')}
      >
        <EmptyState.Actions>
          <Button component={Link} to="/">
            {t('notFound.home')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </PublicLayout>
  );
}
