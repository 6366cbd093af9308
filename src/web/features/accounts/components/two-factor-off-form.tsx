import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type SecondStepMethod, ZTurnOffTwoFactor } from '../../../../shared/schemas/accounts';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useTurnOffTwoFactor } from '../api/two-factor-api';
import { CodeField } from './code-field';
import { CurrentPasswordField } from './current-password-field';

type Values = { currentPassword: string; method: SecondStepMethod; code: string };

/** Turning two-step sign-in off: the current password and a code from the app (or a recovery code). */
export function TwoFactorOffForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const off = useTurnOffTwoFactor();
  const form = useSchemaForm({
    schema: ZTurnOffTwoFactor,
    initialValues: { currentPassword: '', method: 'totp', code: '' } as Values,
  });
  const recovery = form.values.method === 'recovery';
  return (
    <form
      noValidate
      aria-label={t('twoFactor.turnOff')}
      onSubmit={form.submit(async (input) => {
        await off.mutateAsync(input);
        notifySuccess(t('twoFactor.turnedOff'));
        onDone();
      })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('twoFactor.turnOffHint')}</Text>
        <CurrentPasswordField
          value={form.values.currentPassword}
          onChange={(value) => form.set('currentPassword', value)}
          error={form.error('currentPassword')}
        />
        <CodeField
          method={form.values.method}
          value={form.values.code}
          onChange={(v) => form.set('code', v)}
          error={form.error('code')}
        />
        <Group justify="space-between" gap="xs">
          <Button
            variant="subtle"
            px={0}
            onClick={() => form.update(null, (v) => ({ ...v, method: recovery ? 'totp' : 'recovery', code: '' }))}
          >
            {recovery ? t('twoFactor.useApp') : t('twoFactor.useRecovery')}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={form.submitting}>
              {t('twoFactor.turnOff')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
