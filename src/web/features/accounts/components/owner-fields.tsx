import { Group, PasswordInput, Radio, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addressForms } from '../../../../shared/schemas/accounts';
import { PasswordStrength } from './password-strength';

export type AddressForm = (typeof addressForms)[number];

export type OwnerValues = { name: string; email: string; password: string; addressForm: AddressForm };

type Props = {
  values: OwnerValues;
  onChange: (patch: Partial<OwnerValues>, path: string) => void;
  error: (path: string) => string | undefined;
};

export function OwnerFields({ values, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <TextInput
        label={t('owner.name')}
        required
        autoComplete="name"
        value={values.name}
        onChange={(e) => onChange({ name: e.currentTarget.value }, 'name')}
        error={error('name')}
      />
      <TextInput
        label={t('owner.email')}
        required
        type="email"
        dir="ltr"
        autoComplete="email"
        value={values.email}
        onChange={(e) => onChange({ email: e.currentTarget.value }, 'email')}
        error={error('email')}
      />
      <PasswordInput
        label={t('owner.password')}
        description={t('owner.passwordHint')}
        required
        dir="ltr"
        autoComplete="new-password"
        value={values.password}
        onChange={(e) => onChange({ password: e.currentTarget.value }, 'password')}
        error={error('password')}
        maxLength={128}
        visibilityToggleButtonProps={{ 'aria-label': t('owner.showPassword') }}
      />
      <PasswordStrength password={values.password} personal={[values.email, values.name]} />
      <AddressFormField
        value={values.addressForm}
        onChange={(addressForm) => onChange({ addressForm }, 'addressForm')}
        error={error('addressForm')}
      />
    </Stack>
  );
}

export function AddressFormField({
  value,
  onChange,
  error,
}: {
  value: AddressForm;
  onChange: (value: AddressForm) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('owner.addressForm')}
      description={t('owner.addressFormHint')}
      value={value}
      onChange={(next) => {
        const form = addressForms.find((f) => f === next);
        if (form) onChange(form);
      }}
      error={error}
    >
      <Group gap="lg" mt={6}>
        {addressForms.map((form) => (
          <Radio key={form} value={form} label={t(`addressForms.${form}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
