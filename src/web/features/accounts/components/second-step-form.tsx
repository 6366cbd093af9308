import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Me, type SecondStepMethod, ZCompleteSignIn } from '../../../../shared/schemas/accounts';
import { isApiError } from '../../../lib/api-client';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useCompleteSignIn } from '../api/session-api';
import { CodeField } from './code-field';

type Values = { challenge: string; method: SecondStepMethod; code: string };

/** The second step of signing in: the code from the app, or (switch) a recovery code. */
export function SecondStepForm({
  challenge,
  onSignedIn,
  onStartOver,
}: {
  challenge: string;
  onSignedIn: (me: Me, method: SecondStepMethod) => void;
  onStartOver: () => void;
}) {
  const { t } = useTranslation();
  const complete = useCompleteSignIn();
  const form = useSchemaForm({
    schema: ZCompleteSignIn,
    initialValues: { challenge, method: 'totp', code: '' } as Values,
  });
  const recovery = form.values.method === 'recovery';

  return (
    <form
      noValidate
      onSubmit={form.submit(async (input) => {
        try {
          onSignedIn(await complete.mutateAsync(input), input.method);
        } catch (error) {
          // Too late or used up: the password again (the error is told where the form starts).
          if (isApiError(error) && error.code === 'sign_in_expired') onStartOver();
          throw error;
        }
      })}
    >
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {recovery ? t('twoFactor.recoveryCode') : t('login.secondTitle')}
          </Title>
          <Text c="dimmed">{recovery ? t('login.recoveryIntro') : t('login.secondIntro')}</Text>
        </div>
        <CodeField
          method={form.values.method}
          value={form.values.code}
          onChange={(v) => form.set('code', v)}
          error={form.error('code')}
          autoFocus
        />
        <Button type="submit" loading={form.submitting} fullWidth>
          {t('login.verify')}
        </Button>
        <Button
          variant="subtle"
          onClick={() => form.update(null, (v) => ({ ...v, method: recovery ? 'totp' : 'recovery', code: '' }))}
        >
          {recovery ? t('twoFactor.useApp') : t('twoFactor.useRecovery')}
        </Button>
        <Button variant="subtle" color="gray" onClick={onStartOver}>
          {t('login.startOver')}
        </Button>
      </Stack>
    </form>
  );
}
