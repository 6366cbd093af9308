import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CurrentPasswordField } from './current-password-field';
import { ZStartTwoFactor } from '../../../../shared/schemas/accounts';
import { useSchemaForm } from '../../../lib/use-schema-form';

/** "Enter the current password to continue", before a change to how I sign in. */
export function CurrentPasswordForm({
  label,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (currentPassword: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useSchemaForm({ schema: ZStartTwoFactor, initialValues: { currentPassword: '' } });
  return (
    <form noValidate aria-label={label} onSubmit={form.submit((input) => onSubmit(input.currentPassword))}>
      <Stack gap="sm">
        <Text size="sm">{t('twoFactor.passwordFirst')}</Text>
        <CurrentPasswordField
          value={form.values.currentPassword}
          onChange={(value) => form.set('currentPassword', value)}
          error={form.error('currentPassword')}
          autoFocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
