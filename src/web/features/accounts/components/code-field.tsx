import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SecondStepMethod } from '../../../../shared/schemas/accounts';

/** The one field of a second step: six digits from the app, or a recovery code. */
export function CodeField({
  method,
  value,
  onChange,
  error,
  autoFocus,
}: {
  method: SecondStepMethod;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const totp = method === 'totp';
  return (
    <TextInput
      key={method}
      label={totp ? t('twoFactor.code') : t('twoFactor.recoveryCode')}
      dir="ltr"
      inputMode={totp ? 'numeric' : 'text'}
      autoComplete={totp ? 'one-time-code' : 'off'}
      autoCapitalize="none"
      spellCheck={false}
      maxLength={totp ? 7 : 12}
      required
      data-autofocus={autoFocus || undefined}
      autoFocus={autoFocus}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.15em' } }}
    />
  );
}
