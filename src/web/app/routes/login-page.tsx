import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoginForm } from '../../features/accounts/components/login-form';
import { usePageTitle } from '../../lib/use-page-title';
import { PublicLayout } from '../shell/public-layout';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { redirect } = route.useSearch();
  usePageTitle(t('login.title'));
  return (
    <PublicLayout width={460}>
      <LoginForm onDone={() => void navigate({ to: redirect ?? '/' })} />
    </PublicLayout>
  );
}
