import { Alert, Badge, Button, Group, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZChangePassword } from '../../../../shared/schemas/accounts';
import { Panel } from '../../../components/ui/panel';
import { deviceName } from '../../../lib/device-name';
import { formatDateTime } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useChangePassword, useEndOtherSessions, useSessions } from '../api/security-api';
import { useMe } from '../api/session-api';
import { PasswordStrength } from './password-strength';
import { CurrentPasswordField } from './current-password-field';
import { TwoFactorSettings } from './two-factor-settings';

/** Settings → my account: failed sign-ins since last time, where I am signed in, two-step sign-in, my password. */
export function AccountSecurity() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentIntlLocale();
  const sessions = useSessions();
  const endOthers = useEndOtherSessions();
  const others = sessions.data?.items.filter((s) => !s.current).length ?? 0;
  const notice = me.signInNotice;

  return (
    <Panel id="settings-security" title={t('security.title')}>
      <Stack gap="lg">
        {notice && (
          <Alert color="orange" variant="light" title={t('security.noticeTitle')}>
            {t('security.notice', {
              count: notice.failedAttempts,
              when: notice.lastFailedAt ? formatDateTime(notice.lastFailedAt, locale, me.workspace.timeZone) : '',
            })}
          </Alert>
        )}
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('security.sessionsTitle')}
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('security.device')}</Table.Th>
                <Table.Th>{t('security.lastSeen')}</Table.Th>
                <Table.Th>{t('security.signedIn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data?.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <bdi dir="ltr">{deviceName(s.userAgent)}</bdi>
                      {s.current && <Badge variant="light">{t('security.thisOne')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDateTime(s.lastSeenAt, locale, me.workspace.timeZone)}</Table.Td>
                  <Table.Td>{formatDateTime(s.createdAt, locale, me.workspace.timeZone)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button
              variant="default"
              disabled={others === 0}
              loading={endOthers.isPending}
              onClick={() =>
                endOthers.mutate(undefined, {
                  onSuccess: (r) => notifySuccess(t('security.endedOthers', { count: r.ended })),
                  onError: notifyError,
                })
              }
            >
              {t('security.endOthers')}
            </Button>
          </Group>
        </Stack>
        <TwoFactorSettings />
        <ChangePasswordForm personal={[me.user.email, me.user.name, me.workspace.name]} />
      </Stack>
    </Panel>
  );
}

function ChangePasswordForm({ personal }: { personal: string[] }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const blank = { currentPassword: '', newPassword: '' };
  const form = useSchemaForm({ schema: ZChangePassword, initialValues: blank });
  const [done, setDone] = useState(false);

  return (
    <form
      noValidate
      aria-label={t('security.passwordTitle')}
      onSubmit={form.submit(async (input) => {
        const r = await change.mutateAsync(input);
        form.reset(blank);
        setDone(true);
        notifySuccess(t('security.passwordChanged', { count: r.ended }));
      })}
    >
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('security.passwordTitle')}
        </Title>
        <CurrentPasswordField
          value={form.values.currentPassword}
          onChange={(value) => form.set('currentPassword', value)}
          error={form.error('currentPassword')}
        />
        <PasswordInput
          label={t('security.newPassword')}
          description={t('owner.passwordHint')}
          dir="ltr"
          autoComplete="new-password"
          required
          maxLength={128}
          value={form.values.newPassword}
          onChange={(e) => {
            setDone(false);
            form.set('newPassword', e.currentTarget.value);
          }}
          error={form.error('newPassword')}
          visibilityToggleButtonProps={{ 'aria-label': t('owner.showPassword') }}
        />
        <PasswordStrength password={form.values.newPassword} personal={personal} />
        {done && <Text size="sm">{t('security.passwordChangedHint')}</Text>}
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting} disabled={!form.dirty}>
            {t('security.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
