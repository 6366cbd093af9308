import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZForgotPassword, ZResetPassword } from '../../../../shared/schemas/accounts';
import { isolate } from '../../../../shared/text';
import { CheckIcon, MailIcon } from '../../../components/ui/icons';
import { Loading } from '../../../components/ui/loading';
import { isApiError } from '../../../lib/api-client';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useConfirmEmail, useForgotPassword, useResendConfirmation, useResetPassword } from '../api/email-links-api';
import { LinkProblem, SignInLink } from './invitation-accept';
import { PasswordStrength } from './password-strength';

/** A link that was already used, has expired or was mistyped: the server says `link_invalid` on `token`. */
function linkInvalid(error: unknown): boolean {
  return isApiError(error) && error.fields.some((f) => f.path === 'token');
}

function Done({ title, message, action }: { title: string; message: string; action: ReactNode }) {
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Alert color="teal" icon={<CheckIcon />} c="dark.7" role="status">
        {message}
      </Alert>
      {action}
    </Stack>
  );
}

/** `/confirm-email/<token>`: the address is confirmed as soon as the page opens. */
export function ConfirmEmail({ token, continueLink }: { token: string; continueLink: ReactNode }) {
  const { t } = useTranslation();
  const confirm = useConfirmEmail();
  const { mutate } = confirm;
  // The link works once: send it once, even when React runs the effect twice (StrictMode).
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (sent.current === token) return;
    sent.current = token;
    mutate(token);
  }, [mutate, token]);
  if (confirm.isSuccess)
    return <Done title={t('emailLinks.confirmedTitle')} message={t('emailLinks.confirmed')} action={continueLink} />;
  if (confirm.isError)
    return (
      <LinkProblem
        title={t('emailLinks.confirmFailedTitle')}
        message={linkInvalid(confirm.error) ? t('emailLinks.confirmInvalid') : confirm.error.message}
        action={continueLink}
      />
    );
  return <Loading label={t('emailLinks.confirming')} />;
}

/** `/forgot-password`: the same answer whether or not the address has an account. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const forgot = useForgotPassword();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useSchemaForm({ schema: ZForgotPassword, initialValues: { email: '' } });
  if (sentTo)
    return (
      <Done
        title={t('emailLinks.forgotTitle')}
        message={t('emailLinks.forgotSent', { email: isolate(sentTo) })}
        action={<SignInLink />}
      />
    );
  return (
    <form
      noValidate
      onSubmit={form.submit(async (input) => {
        await forgot.mutateAsync(input);
        setSentTo(input.email);
      })}
    >
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('emailLinks.forgotTitle')}
          </Title>
          <Text c="dimmed">{t('emailLinks.forgotIntro')}</Text>
        </div>
        <TextInput
          label={t('login.email')}
          type="email"
          dir="ltr"
          autoComplete="username"
          required
          value={form.values.email}
          onChange={(e) => form.set('email', e.currentTarget.value)}
          error={form.error('email')}
        />
        <Button type="submit" loading={form.submitting} fullWidth>
          {t('emailLinks.sendLink')}
        </Button>
        <SignInLink />
      </Stack>
    </form>
  );
}

/** `/reset-password/<token>`: a new password (every session of the account ends), then sign in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [done, setDone] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const form = useSchemaForm({ schema: ZResetPassword, initialValues: { token, newPassword: '' } });
  if (done)
    return <Done title={t('emailLinks.resetTitle')} message={t('emailLinks.resetDone')} action={<SignInLink />} />;
  if (invalid)
    return (
      <LinkProblem
        title={t('emailLinks.resetTitle')}
        message={t('emailLinks.resetInvalid')}
        action={
          <Group grow>
            <SignInLink />
          </Group>
        }
      />
    );
  return (
    <form
      noValidate
      onSubmit={form.submit(async (input) => {
        try {
          await reset.mutateAsync(input);
          setDone(true);
        } catch (error) {
          if (linkInvalid(error)) setInvalid(true);
          else throw error;
        }
      })}
    >
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('emailLinks.resetTitle')}
          </Title>
          <Text c="dimmed">{t('emailLinks.resetIntro')}</Text>
        </div>
        <PasswordInput
          label={t('security.newPassword')}
          description={t('owner.passwordHint')}
          required
          dir="ltr"
          autoComplete="new-password"
          value={form.values.newPassword}
          onChange={(e) => form.set('newPassword', e.currentTarget.value)}
          error={form.error('newPassword')}
          maxLength={128}
          visibilityToggleButtonProps={{ 'aria-label': t('owner.showPassword') }}
        />
        <PasswordStrength password={form.values.newPassword} personal={[]} />
        <Button type="submit" loading={form.submitting} fullWidth>
          {t('emailLinks.resetSubmit')}
        </Button>
      </Stack>
    </form>
  );
}

/** A slim line in the shell while the address is not confirmed, with "send again". */
export function EmailConfirmBanner({ email }: { email: string }) {
  const { t } = useTranslation();
  const resend = useResendConfirmation();
  return (
    <Alert color="yellow" variant="light" c="dark.7" icon={<MailIcon size={18} />} p="xs" mb="sm" role="status">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('emailLinks.banner', { email: isolate(email) })}
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          color="dark"
          loading={resend.isPending}
          onClick={() =>
            resend.mutate(undefined, {
              onSuccess: ({ emailed }) =>
                emailed
                  ? notifySuccess(t('emailLinks.resent', { email: isolate(email) }))
                  : notifySuccess(t('emailLinks.notResent')),
              onError: notifyError,
            })
          }
        >
          {t('emailLinks.resend')}
        </Button>
      </Group>
    </Alert>
  );
}
