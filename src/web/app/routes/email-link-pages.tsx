import { Button } from '@mantine/core';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmEmail, ForgotPasswordForm, ResetPasswordForm } from '../../features/accounts/components/email-links';
import { usePageTitle } from '../../lib/use-page-title';
import { PublicLayout } from '../shell/public-layout';

const confirmRoute = getRouteApi('/confirm-email/$token');
const resetRoute = getRouteApi('/reset-password/$token');

/** `/confirm-email/<token>`, the link of the sign-up e-mail. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const { token } = confirmRoute.useParams();
  usePageTitle(t('emailLinks.confirmedTitle'));
  return (
    <PublicLayout width={460}>
      <ConfirmEmail
        token={token}
        continueLink={
          <Button component={Link} to="/" fullWidth>
            {t('emailLinks.toMila')}
          </Button>
        }
      />
    </PublicLayout>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('emailLinks.forgotTitle'));
  return (
    <PublicLayout width={460}>
      <ForgotPasswordForm />
    </PublicLayout>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = resetRoute.useParams();
  usePageTitle(t('emailLinks.resetTitle'));
  return (
    <PublicLayout width={460}>
      <ResetPasswordForm token={token} />
    </PublicLayout>
  );
}
