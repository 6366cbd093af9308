import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/schemas/accounts';
import { type AcceptInvitationInput, type InvitationPreview, ZAcceptInvitation } from '../../../../shared/schemas/team';
import { isolate } from '../../../../shared/text';
import { AlertIcon } from '../../../components/ui/icons';
import { Loading } from '../../../components/ui/loading';
import { isApiError } from '../../../lib/api-client';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { isSecondStep } from '../api/session-api';
import { useAcceptInvitation, useInvitationPreview } from '../api/invitation-api';
import { PasswordStrength } from './password-strength';
import { SecondStepForm } from './second-step-form';

type Props = {
  token: string;
  /** Joined and signed in. */
  onJoined: () => void;
  /** Joined, but the second step ran out: the ordinary sign-in from here. */
  onSignIn: () => void;
};

/** The page an invitation link opens: what it is for, then a new account or the existing one's password. */
export function InvitationAccept({ token, onJoined, onSignIn }: Props) {
  const { t } = useTranslation();
  const preview = useInvitationPreview(token);
  if (preview.isPending) return <Loading label={t('common.loading')} />;
  if (preview.isError)
    return (
      <LinkProblem
        title={t('invitation.invalidTitle')}
        message={
          isApiError(preview.error) && preview.error.code === 'validation_failed'
            ? t('invitation.invalid')
            : preview.error.message
        }
        action={<SignInLink />}
      />
    );
  return <AcceptForm token={token} preview={preview.data} onJoined={onJoined} onSignIn={onSignIn} />;
}

/** To the ordinary sign-in, from a page an e-mailed link opened. */
export function SignInLink() {
  const { t } = useTranslation();
  return (
    <Button component={Link} to="/login" variant="light" fullWidth>
      {t('links.toSignIn')}
    </Button>
  );
}

/** A link that cannot be used: what happened, and where to go instead. */
export function LinkProblem({ title, message, action }: { title: string; message: string; action: ReactNode }) {
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Alert color="red" icon={<AlertIcon />} c="dark.7" role="alert">
        {message}
      </Alert>
      {action}
    </Stack>
  );
}

function AcceptForm({
  token,
  preview,
  onJoined,
  onSignIn,
}: {
  token: string;
  preview: InvitationPreview;
  onJoined: () => void;
  onSignIn: () => void;
}) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation();
  const [challenge, setChallenge] = useState<string | null>(null);
  const initialValues: AcceptInvitationInput = preview.hasAccount
    ? { token, account: 'existing', password: '' }
    : { token, account: 'new', name: '', password: '' };
  const form = useSchemaForm({ schema: ZAcceptInvitation, initialValues });
  const values = form.values;
  const joined = (me: Me) => {
    notifySuccess(t('invitation.welcome', { workspace: isolate(me.workspace.name) }));
    onJoined();
  };

  if (challenge) return <SecondStepForm challenge={challenge} onSignedIn={joined} onStartOver={onSignIn} />;

  const role = t(`roles.${preview.role}`);
  // Used or withdrawn while the page was open: the server says so on the token.
  const linkProblem = form.error('token');
  return (
    <form
      noValidate
      onSubmit={form.submit(async (input) => {
        const answer = await accept.mutateAsync(input);
        if (isSecondStep(answer)) setChallenge(answer.challenge);
        else joined(answer);
      })}
    >
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('invitation.title', { workspace: isolate(preview.workspaceName) })}
          </Title>
          <Text c="dimmed">
            {preview.invitedBy
              ? t('invitation.invitedBy', { name: isolate(preview.invitedBy), role })
              : t('invitation.invited', { role })}
          </Text>
        </div>
        <Alert color="blue" variant="light" c="dark.7">
          <Text size="sm" fw={600}>
            {role}
          </Text>
          <Text size="sm">{t(`roleHints.${preview.role}`)}</Text>
        </Alert>
        <TextInput
          label={t('login.email')}
          value={preview.email}
          readOnly
          dir="ltr"
          autoComplete="username"
          description={preview.hasAccount ? t('invitation.hasAccount') : t('invitation.newAccount')}
        />
        {values.account === 'new' && (
          <TextInput
            label={t('owner.name')}
            required
            autoComplete="name"
            value={values.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              form.update('name', (v) => (v.account === 'new' ? { ...v, name } : v));
            }}
            error={form.error('name')}
          />
        )}
        <PasswordInput
          label={values.account === 'new' ? t('owner.password') : t('login.password')}
          description={values.account === 'new' ? t('owner.passwordHint') : undefined}
          required
          dir="ltr"
          autoComplete={values.account === 'new' ? 'new-password' : 'current-password'}
          value={values.password}
          onChange={(e) => {
            const password = e.currentTarget.value;
            form.update('password', (v) => ({ ...v, password }));
          }}
          error={form.error('password')}
          maxLength={values.account === 'new' ? 128 : 256}
          visibilityToggleButtonProps={{ 'aria-label': t('owner.showPassword') }}
        />
        {values.account === 'new' && (
          <PasswordStrength password={values.password} personal={[preview.email, values.name, preview.workspaceName]} />
        )}
        {linkProblem && (
          <Alert color="red" icon={<AlertIcon />} c="dark.7" role="alert">
            {linkProblem}
          </Alert>
        )}
        <Button type="submit" loading={form.submitting} fullWidth>
          {values.account === 'new' ? t('invitation.createAndJoin') : t('invitation.join')}
        </Button>
      </Stack>
    </form>
  );
}
