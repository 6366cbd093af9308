import { Anchor, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { setupStatusQuery } from '../../features/accounts/api/session-api';
import { LoginForm } from '../../features/accounts/components/login-form';
import { usePageTitle } from '../../lib/use-page-title';
import { PublicLayout } from '../shell/public-layout';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { redirect } = route.useSearch();
  const status = useQuery(setupStatusQuery).data;
  usePageTitle(t('login.title'));
  const footer =
    status && (status.passwordResetByEmail || status.mode === 'hosted') ? (
      <Group justify="space-between" gap="xs">
        {status.passwordResetByEmail && (
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('login.forgot')}
          </Anchor>
        )}
        {status.mode === 'hosted' && (
          <Text size="sm">
            {t('login.noAccount')}{' '}
            <Anchor component={Link} to="/signup">
              {t('login.signUp')}
            </Anchor>
          </Text>
        )}
      </Group>
    ) : undefined;
  return (
    <PublicLayout width={460}>
      <LoginForm onDone={() => void navigate({ to: redirect ?? '/' })} footer={footer} />
    </PublicLayout>
  );
}
