import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { InvitationAccept } from '../../features/accounts/components/invitation-accept';
import { usePageTitle } from '../../lib/use-page-title';
import { PublicLayout } from '../shell/public-layout';

const route = getRouteApi('/invite/$token');

/** Where an invitation link lands: join with a new account or an existing one, then Today. */
export function InvitePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = route.useParams();
  usePageTitle(t('invitation.pageTitle'));
  return (
    <PublicLayout width={460}>
      <InvitationAccept
        token={token}
        onJoined={() => void navigate({ to: '/' })}
        onSignIn={() => void navigate({ to: '/login' })}
      />
    </PublicLayout>
  );
}
