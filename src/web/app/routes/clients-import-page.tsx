import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ImportWizard } from '../../features/imports/components/import-wizard';
import { usePageTitle } from '../../lib/use-page-title';

export function ClientsImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('imports.title'));
  return (
    <Stack gap="md">
      <Title order={1}>{t('imports.title')}</Title>
      <ImportWizard />
    </Stack>
  );
}
