import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Current password", as every change to how I sign in asks for it: left-to-right, shown on demand. */
export function CurrentPasswordField({
  value,
  onChange,
  error,
  autoFocus = false,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('security.currentPassword')}
      dir="ltr"
      autoComplete="current-password"
      required
      data-autofocus={autoFocus || undefined}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      visibilityToggleButtonProps={{ 'aria-label': t('owner.showPassword') }}
    />
  );
}
