import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type BusinessProfile, ZSaveBusinessProfile } from '../../../../shared/schemas/accounts';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useUpdateWorkspace } from '../api/workspace-api';
import { BusinessProfileFields } from './business-profile-fields';
import { fromBusinessProfile, toBusinessInput } from './business-profile-values';

export function BusinessProfileForm({ profile }: { profile: BusinessProfile }) {
  const { t } = useTranslation();
  const update = useUpdateWorkspace();
  const form = useSchemaForm({
    schema: ZSaveBusinessProfile,
    toInput: toBusinessInput,
    initialValues: fromBusinessProfile(profile),
  });

  return (
    <form
      noValidate
      aria-label={t('settings.businessTitle')}
      onSubmit={form.submit(async (input) => {
        const saved = await update.mutateAsync(input);
        form.reset(fromBusinessProfile(saved));
        notifySuccess(t('common.saved'));
      })}
    >
      <BusinessProfileFields
        values={form.values}
        onChange={(patch, path) => form.update(path, (v) => ({ ...v, ...patch }))}
        error={form.error}
        withContactDetails
        withDigest
      />
      <Group justify="flex-end" mt="xl">
        <Button type="submit" loading={form.submitting} disabled={!form.dirty}>
          {t('actions.save')}
        </Button>
      </Group>
    </form>
  );
}
