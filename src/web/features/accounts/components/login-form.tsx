import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, type SecondStepMethod, ZLogIn } from '../../../../shared/schemas/accounts';
import { formatDateTime } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { readableDescription } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { isSecondStep, useLogin } from '../api/session-api';
import { SecondStepForm } from './second-step-form';

/** `footer`: what the password step offers besides (a forgotten password, creating an account). */
export function LoginForm({ onDone, footer }: { onDone: () => void; footer?: ReactNode }) {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useSchemaForm({ schema: ZLogIn, initialValues: { email: '', password: '' } });
  // Two-step sign-in on: the password was right, the code is next.
  const [challenge, setChallenge] = useState<string | null>(null);

  const signedIn = (me: Me, method: SecondStepMethod | null) => {
    const notice = me.signInNotice;
    // Failed attempts since the last sign-in: told now, and kept in Settings → my account.
    if (notice)
      notifications.show({
        color: 'orange',
        title: t('security.noticeTitle'),
        message: t('security.notice', {
          count: notice.failedAttempts,
          when: notice.lastFailedAt
            ? formatDateTime(notice.lastFailedAt, currentIntlLocale(), me.workspace.timeZone)
            : '',
        }),
        styles: readableDescription,
        autoClose: false,
      });
    if (method === 'recovery')
      notifications.show({
        color: 'yellow',
        message: t('login.recoveryUsed', { count: me.twoFactor.recoveryCodesLeft }),
        autoClose: false,
      });
    onDone();
  };

  if (challenge)
    return (
      <SecondStepForm
        challenge={challenge}
        onSignedIn={signedIn}
        onStartOver={() => {
          setChallenge(null);
          form.reset({ email: form.values.email, password: '' });
        }}
      />
    );

  return (
    <form
      noValidate
      onSubmit={form.submit(async (input) => {
        const answer = await login.mutateAsync(input);
        if (isSecondStep(answer)) setChallenge(answer.challenge);
        else signedIn(answer, null);
      })}
    >
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('login.title')}
          </Title>
          <Text c="dimmed">{t('login.intro')}</Text>
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
        <PasswordInput
          label={t('login.password')}
          dir="ltr"
          autoComplete="current-password"
          required
          value={form.values.password}
          onChange={(e) => form.set('password', e.currentTarget.value)}
          error={form.error('password')}
          visibilityToggleButtonProps={{ 'aria-label': t('owner.showPassword') }}
        />
        <Button type="submit" loading={form.submitting} fullWidth>
          {t('login.submit')}
        </Button>
        {footer}
      </Stack>
    </form>
  );
}
