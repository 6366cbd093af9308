import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading';
import { useMe } from '../../features/accounts/api/session-api';
import { useWorkspace } from '../../features/accounts/api/workspace-api';
import { AccountForm } from '../../features/accounts/components/account-form';
import { BusinessProfileForm } from '../../features/accounts/components/business-profile-form';
import { usePageTitle } from '../../lib/use-page-title';

export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const workspace = useWorkspace();
  usePageTitle(t('nav.settings'));
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('nav.settings')}
      </Title>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="settings-business">
        <Title order={2} size="h4" id="settings-business">
          {t('settings.businessTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('settings.businessHint')}
        </Text>
        {workspace.data ? (
          <BusinessProfileForm key={workspace.data.updatedAt} profile={workspace.data} />
        ) : workspace.isError ? (
          <Text c="var(--mantine-color-error)">{workspace.error.message}</Text>
        ) : (
          <Loading label={t('common.loading')} />
        )}
      </Paper>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="settings-account">
        <Title order={2} size="h4" id="settings-account" mb="md">
          {t('settings.accountTitle')}
        </Title>
        {/* Remount when the header's switch changes the language, so the form shows it. */}
        <AccountForm key={me.user.locale} />
      </Paper>
    </Stack>
  );
}
