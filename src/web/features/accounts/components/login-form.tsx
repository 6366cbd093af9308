import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZLogIn } from '../../../../shared/schemas/accounts';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useLogin } from '../api/session-api';

export function LoginForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useSchemaForm({ schema: ZLogIn, initialValues: { email: '', password: '' } });

  return (
    <form
      noValidate
      onSubmit={form.submit(async (input) => {
        await login.mutateAsync(input);
        onDone();
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
      </Stack>
    </form>
  );
}
