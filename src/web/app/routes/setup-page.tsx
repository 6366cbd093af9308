import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SetupWizard } from '../../features/accounts/components/setup-wizard';
import { usePageTitle } from '../../lib/use-page-title';
import { PublicLayout } from '../shell/public-layout';

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('setup.pageTitle'));
  return (
    <PublicLayout width={800}>
      <SetupWizard onDone={() => void navigate({ to: '/' })} onAlreadySetUp={() => void navigate({ to: '/login' })} />
    </PublicLayout>
  );
}
