import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MemberRole, memberRoles } from '../../../../shared/schemas/accounts';
import { type Invitation, type InvitationSent, type Member, ZInvite } from '../../../../shared/schemas/team';
import { isolate } from '../../../../shared/text';
import { Ltr, UserText } from '../../../components/ui/bidi';
import { CheckIcon, CopyIcon, InboxIcon, TrashIcon } from '../../../components/ui/icons';
import { Loading } from '../../../components/ui/loading';
import { formatDate } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useChangeRole, useInvite, useRemoveMember, useTeam, useWithdrawInvitation } from '../api/team-api';

/** Settings → Team (owners): who works here and in which role, open invitations, inviting someone. */
export function TeamSettings({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const team = useTeam();
  const [sent, setSent] = useState<InvitationSent | null>(null);
  return (
    <Stack gap="lg">
      {team.isPending ? (
        <Loading label={t('common.loading')} />
      ) : team.isError ? (
        <Text c="var(--mantine-color-error)">{team.error.message}</Text>
      ) : (
        <>
          <Stack gap="xs" component="section" aria-labelledby="team-members">
            <Title order={3} size="h5" id="team-members">
              {t('team.members', { count: team.data.members.length })}
            </Title>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {team.data.members.map((member) => (
                <MemberCard key={member.userId} member={member} timeZone={timeZone} />
              ))}
            </Stack>
          </Stack>
          {team.data.invitations.length > 0 && (
            <Stack gap="xs" component="section" aria-labelledby="team-invitations">
              <Title order={3} size="h5" id="team-invitations">
                {t('team.invitations')}
              </Title>
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {team.data.invitations.map((invitation) => (
                  <InvitationCard key={invitation.id} invitation={invitation} timeZone={timeZone} />
                ))}
              </Stack>
            </Stack>
          )}
        </>
      )}
      {sent && <InvitationLink sent={sent} />}
      <InviteForm onSent={setSent} />
    </Stack>
  );
}

function useRoleOptions() {
  const { t } = useTranslation();
  return memberRoles.map((value) => ({ value, label: t(`roles.${value}`) }));
}

function MemberCard({ member, timeZone }: { member: Member; timeZone: string }) {
  const { t } = useTranslation();
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const [confirming, setConfirming] = useState(false);
  const roleOptions = useRoleOptions();
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="team-member">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <div style={{ minInlineSize: 0 }}>
            <Text fw={600}>
              <UserText>{member.name}</UserText>
              {member.me && (
                <Text span c="dimmed" fw={400}>
                  {' '}
                  {t('team.you')}
                </Text>
              )}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Ltr>{member.email}</Ltr>
            </Text>
            <Text size="xs" c="dimmed">
              {t('team.joined', { date: formatDate(member.joinedAt, currentIntlLocale(), timeZone) })}
            </Text>
          </div>
          {member.me && (
            <Badge variant="light" color="mila" style={{ flexShrink: 0 }}>
              {t(`roles.${member.role}`)}
            </Badge>
          )}
        </Group>
        {!member.me && (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={t('team.roleOf', { name: member.name })}
              data={roleOptions}
              value={member.role}
              allowDeselect={false}
              checkIconPosition="right"
              disabled={changeRole.isPending}
              onChange={(next) => {
                const role = memberRoles.find((r) => r === next);
                if (role && role !== member.role)
                  changeRole.mutate(
                    { userId: member.userId, role },
                    {
                      onSuccess: () => notifySuccess(t('team.roleChanged', { role: t(`roles.${role}`) })),
                      onError: notifyError,
                    },
                  );
              }}
              style={{ flex: '1 1 12rem' }}
            />
            {confirming ? (
              <Group gap="xs">
                <Button
                  color="red"
                  leftSection={<TrashIcon size={16} />}
                  loading={remove.isPending}
                  onClick={() => remove.mutate(member.userId, { onError: notifyError })}
                >
                  {t('team.confirmRemove')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('actions.cancel')}
                </Button>
              </Group>
            ) : (
              <Button
                variant="subtle"
                color="red"
                leftSection={<TrashIcon size={16} />}
                onClick={() => setConfirming(true)}
                aria-label={t('team.removeWho', { name: member.name })}
              >
                {t('team.remove')}
              </Button>
            )}
          </Group>
        )}
        {confirming && (
          <Text size="sm" role="status">
            {t('team.removeHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function InvitationCard({ invitation, timeZone }: { invitation: Invitation; timeZone: string }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawInvitation();
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="team-invitation">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <div style={{ minInlineSize: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            <Ltr>{invitation.email}</Ltr>
          </Text>
          <Text size="sm" c="dimmed">
            {t('team.invitedAs', {
              role: t(`roles.${invitation.role}`),
              date: formatDate(invitation.expiresAt, currentIntlLocale(), timeZone),
            })}
          </Text>
        </div>
        <Button
          variant="subtle"
          color="red"
          leftSection={<TrashIcon size={16} />}
          loading={withdraw.isPending}
          aria-label={t('team.withdrawWho', { email: invitation.email })}
          onClick={() =>
            withdraw.mutate(invitation.id, {
              onSuccess: () => notifySuccess(t('team.withdrawn')),
              onError: notifyError,
            })
          }
        >
          {t('team.withdraw')}
        </Button>
      </Group>
    </Paper>
  );
}

/** The link of a new invitation, returned once: to send by hand when e-mail is off, or again if it got lost. */
function InvitationLink({ sent }: { sent: InvitationSent }) {
  const { t } = useTranslation();
  const email = sent.invitation.email;
  return (
    <Alert
      color={sent.emailed ? 'teal' : 'yellow'}
      icon={sent.emailed ? <CheckIcon /> : <InboxIcon />}
      c="dark.7"
      role="status"
      data-testid="invitation-link"
    >
      <Stack gap="xs">
        <Text size="sm">{sent.emailed ? t('team.emailed', { email: isolate(email) }) : t('team.sendYourself')}</Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('team.link')}
            value={sent.link}
            readOnly
            dir="ltr"
            style={{ flex: 1, minInlineSize: 0 }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={sent.link}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'filled'}
                leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
                onClick={copy}
              >
                {copied ? t('team.copied') : t('team.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs">{t('team.linkValid')}</Text>
      </Stack>
    </Alert>
  );
}

function InviteForm({ onSent }: { onSent: (sent: InvitationSent) => void }) {
  const { t } = useTranslation();
  const invite = useInvite();
  const form = useSchemaForm({
    schema: ZInvite,
    initialValues: { email: '', role: 'assistant' as MemberRole },
  });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="team-invite">
      <form
        noValidate
        onSubmit={form.submit(async (input) => {
          const sent = await invite.mutateAsync(input);
          onSent(sent);
          form.reset({ email: '', role: input.role });
        })}
      >
        <Stack gap="md">
          <Title order={3} size="h5" id="team-invite">
            {t('team.inviteTitle')}
          </Title>
          <TextInput
            label={t('team.email')}
            type="email"
            dir="ltr"
            autoComplete="off"
            required
            value={form.values.email}
            onChange={(e) => form.set('email', e.currentTarget.value)}
            error={form.error('email')}
          />
          <Radio.Group
            label={t('team.role')}
            value={form.values.role}
            onChange={(next) => {
              const role = memberRoles.find((r) => r === next);
              if (role) form.set('role', role);
            }}
            error={form.error('role')}
          >
            <Stack gap="sm" mt={6}>
              {memberRoles.map((role) => (
                <Radio key={role} value={role} label={t(`roles.${role}`)} description={t(`roleHints.${role}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('team.invite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
