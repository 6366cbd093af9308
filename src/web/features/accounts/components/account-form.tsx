import { Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZUpdateMe } from '../../../../shared/schemas/accounts';
import { type Locale, locales } from '../../../../shared/schemas/common';
import { changeLanguage, isLocale } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useUpdateMe } from '../api/me-api';
import { useMe } from '../api/session-api';
import { AddressFormField, type AddressForm } from './owner-fields';

type AccountValues = { name: string; locale: Locale; addressForm: AddressForm };

export function AccountForm() {
  const { t } = useTranslation();
  const me = useMe();
  const updateMe = useUpdateMe();
  const initialValues: AccountValues = { name: me.user.name, locale: me.user.locale, addressForm: me.user.addressForm };
  const form = useSchemaForm({ schema: ZUpdateMe, initialValues });

  return (
    <form
      noValidate
      aria-label={t('settings.accountTitle')}
      onSubmit={form.submit(async (input) => {
        const saved = await updateMe.mutateAsync(input);
        form.reset({ name: saved.user.name, locale: saved.user.locale, addressForm: saved.user.addressForm });
        await changeLanguage(saved.user.locale);
        notifySuccess(t('common.saved'));
      })}
    >
      <Stack gap="md">
        <TextInput
          label={t('owner.name')}
          required
          autoComplete="name"
          value={form.values.name}
          onChange={(e) => form.set('name', e.currentTarget.value)}
          error={form.error('name')}
        />
        <Text size="sm">
          {t('settings.signedInAs')} <bdi dir="ltr">{me.user.email}</bdi>
        </Text>
        <Radio.Group
          label={t('settings.myLanguage')}
          value={form.values.locale}
          onChange={(value) => isLocale(value) && form.set('locale', value)}
          error={form.error('locale')}
        >
          <Group gap="lg" mt={6}>
            {locales.map((locale) => (
              <Radio key={locale} value={locale} label={t(`languages.${locale}`)} />
            ))}
          </Group>
        </Radio.Group>
        <AddressFormField
          value={form.values.addressForm}
          onChange={(value) => form.set('addressForm', value)}
          error={form.error('addressForm')}
        />
      </Stack>
      <Group justify="flex-end" mt="xl">
        <Button type="submit" loading={form.submitting} disabled={!form.dirty}>
          {t('actions.save')}
        </Button>
      </Group>
    </form>
  );
}
