import { Button, EmptyState } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../components/ui/icons';
import { isApiError } from '../../lib/api-client';
import { usePageTitle } from '../../lib/use-page-title';
import { PublicLayout } from '../shell/public-layout';

/** When a screen cannot load at all (server down, contract mismatch): say so and offer a retry. */
export function RouteErrorPage({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  usePageTitle(t('errors.title'));
  return (
    <PublicLayout>
      <EmptyState
        py="md"
        icon={<AlertIcon size={28} />}
        title={t('errors.title')}
        description={isApiError(error) ? error.message : t('errors.internal', { ns: 'shared' })}
      >
        <EmptyState.Actions>
          <Button onClick={() => void router.invalidate()}>{t('actions.retry')}</Button>
        </EmptyState.Actions>
      </EmptyState>
    </PublicLayout>
  );
}
