import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SignInLink } from '../../features/accounts/components/invitation-accept';
import { SetupWizard } from '../../features/accounts/components/setup-wizard';
import { usePageTitle } from '../../lib/use-page-title';
import { PublicLayout } from '../shell/public-layout';

/** Hosted mode: a workspace of one's own, in the first-run wizard's two steps. */
export function SignupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('signup.pageTitle'));
  return (
    <PublicLayout width={800}>
      <SetupWizard mode="signup" onDone={() => void navigate({ to: '/' })} />
      <div style={{ marginBlockStart: 'var(--mantine-spacing-lg)' }}>
        <SignInLink />
      </div>
    </PublicLayout>
  );
}
