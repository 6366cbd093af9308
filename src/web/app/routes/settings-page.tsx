import { Alert, Anchor, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { UserText } from '../../components/ui/bidi';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading';
import { Panel } from '../../components/ui/panel';
import { forgetSignedOutData, useMe } from '../../features/accounts/api/session-api';
import { useWorkspace } from '../../features/accounts/api/workspace-api';
import { AccountForm } from '../../features/accounts/components/account-form';
import { AccountSecurity } from '../../features/accounts/components/account-security';
import { BusinessProfileForm } from '../../features/accounts/components/business-profile-form';
import { DeleteWorkspace } from '../../features/accounts/components/delete-workspace';
import { PlaybooksEditor } from '../../features/care/components/playbooks-editor';
import { CalendarFeedSettings } from '../../features/insights/components/calendar-feed-settings';
import { OutboxList } from '../../features/messages/components/outbox-list';
import { TemplatesEditor } from '../../features/messages/components/templates-editor';
import { TermsTemplatesEditor } from '../../features/quotes/components/terms-templates-editor';
import { usePageTitle } from '../../lib/use-page-title';
import { settingsTabIcons, tabsFor } from '../shell/settings-tabs';
import { ColleaguesEditor } from '../../features/projects/components/colleagues-editor';
import { WebhooksSettings } from '../../features/webhooks/components/webhooks-settings';
import { DataSettings } from '../../features/data/components/data-settings';
import { AuditLog } from '../../features/audit/components/audit-log';
import { TeamSettings } from '../../features/team/components/team-settings';

const route = getRouteApi('/_app/settings');

export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const workspace = useWorkspace();
  const { tab: asked = 'business' } = route.useSearch();
  const navigate = route.useNavigate();
  const leave = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(t('nav.settings'));
  const owner = me.user.role === 'owner';
  const tabs = tabsFor(me.user.role);
  // A tab this role does not have (an old link, the default business tab) opens the first one it has.
  const tab = tabs.find((id) => id === asked) ?? tabs[0];

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('nav.settings')}
      </Title>
      <Tabs
        value={tab}
        onChange={(next) => {
          const found = tabs.find((s) => s === next);
          if (found) void navigate({ search: found === 'business' ? {} : { tab: found }, replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {tabs.map((id) => (
            <Tabs.Tab key={id} value={id} leftSection={settingsTabIcons[id]}>
              {t(`settings.tabs.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="business">
          <Panel id="settings-business" title={t('settings.businessTitle')} hint={t('settings.businessHint')}>
            {workspace.data ? (
              <BusinessProfileForm key={workspace.data.updatedAt} profile={workspace.data} />
            ) : workspace.isError ? (
              <Text c="var(--mantine-color-error)">{workspace.error.message}</Text>
            ) : (
              <Loading label={t('common.loading')} />
            )}
          </Panel>
        </Tabs.Panel>
        <Tabs.Panel value="account">
          <Panel id="settings-account" title={t('settings.accountTitle')}>
            {/* Remount when the header's switch changes the language, so the form shows it. */}
            <AccountForm key={me.user.locale} />
          </Panel>
          <AccountSecurity />
        </Tabs.Panel>
        {owner && (
          <Tabs.Panel value="team">
            <Panel id="settings-team" title={t('settings.teamTitle')} hint={t('settings.teamHint')}>
              <TeamSettings timeZone={me.workspace.timeZone} />
            </Panel>
          </Tabs.Panel>
        )}
        <Tabs.Panel value="templates">
          <Panel id="settings-templates" title={t('settings.templatesTitle')} hint={t('settings.templatesHint')}>
            <TemplatesEditor />
          </Panel>
        </Tabs.Panel>
        <Tabs.Panel value="terms">
          <Panel id="settings-terms" title={t('settings.termsTitle')} hint={t('settings.termsHint')}>
            <TermsTemplatesEditor />
          </Panel>
        </Tabs.Panel>
        <Tabs.Panel value="playbooks">
          <Panel id="settings-playbooks" title={t('care.playbooks.title')} hint={t('care.playbooks.intro')}>
            <PlaybooksEditor />
          </Panel>
        </Tabs.Panel>
        <Tabs.Panel value="colleagues">
          <Panel id="settings-colleagues" title={t('colleagues.title')} hint={t('colleagues.hint')}>
            <ColleaguesEditor />
          </Panel>
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <Panel id="settings-calendar" title={t('settings.calendarTitle')}>
            <CalendarFeedSettings />
          </Panel>
        </Tabs.Panel>
        <Tabs.Panel value="email">
          <Panel id="settings-email" title={t('settings.emailTitle')} hint={t('settings.emailHint')}>
            <Stack gap="md">
              <Alert color="blue" variant="light" c="dark.7" style={{ overflowWrap: 'anywhere' }}>
                {t('settings.emailSetup')}
              </Alert>
              <OutboxList timeZone={me.workspace.timeZone} />
            </Stack>
          </Panel>
        </Tabs.Panel>
        <Tabs.Panel value="webhooks">
          <Panel id="settings-webhooks" title={t('settings.webhooksTitle')} hint={t('settings.webhooksHint')}>
            <WebhooksSettings timeZone={me.workspace.timeZone} />
          </Panel>
        </Tabs.Panel>
        <Tabs.Panel value="data">
          <Panel id="settings-data" title={t('settings.dataTitle')} hint={t('settings.dataHint')}>
            <DataSettings timeZone={me.workspace.timeZone} canExport={owner} />
          </Panel>
          {owner && (
            <div style={{ marginBlockStart: 'var(--mantine-spacing-lg)' }}>
              <Panel id="settings-delete" title={t('deleteWorkspace.title')}>
                <DeleteWorkspace
                  workspaceName={me.workspace.name}
                  onDeleted={() => void leave({ to: '/login' }).then(() => forgetSignedOutData(queryClient))}
                />
              </Panel>
            </div>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="activity">
          <Panel id="settings-activity" title={t('settings.activityTitle')} hint={t('settings.activityHint')}>
            <AuditLog
              timeZone={me.workspace.timeZone}
              renderClient={(client) => (
                <Anchor
                  renderRoot={(props) => <Link to="/clients/$clientId" params={{ clientId: client.id }} {...props} />}
                >
                  <UserText>{client.name}</UserText>
                </Anchor>
              )}
            />
          </Panel>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
