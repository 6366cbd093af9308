import { Alert, Anchor, Badge, Button, FileButton, Group, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESTORE_MAX_BYTES } from '../../../../shared/schemas/exports';
import { ZCreateApiToken, type ApiToken } from '../../../../shared/schemas/tokens';
import { UserText } from '../../../components/ui/bidi';
import { ShownOnceSecret } from '../../../components/ui/shown-once-secret';
import { AlertIcon, CheckIcon, TrashIcon } from '../../../components/ui/icons';
import { Loading } from '../../../components/ui/loading';
import { formatDateTime } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useApiTokens, useCreateApiToken, useRestoreWorkspace, useRevokeApiToken } from '../api/data-api';

/**
 * Settings → Data and API: take everything out, bring an export back (owners: `canExport`),
 * personal API tokens (everyone's own).
 */
export function DataSettings({ timeZone, canExport }: { timeZone: string; canExport: boolean }) {
  return (
    <Stack gap="lg">
      {canExport && <ExportAndRestore />}
      <ApiTokens timeZone={timeZone} />
    </Stack>
  );
}

function ExportAndRestore() {
  const { t } = useTranslation();
  return (
    <>
      <Stack gap="xs">
        <Text fw={600}>{t('data.export.title')}</Text>
        <Text size="sm">{t('data.export.hint')}</Text>
        <Group gap="sm">
          {/* Plain downloads: the session cookie goes with them, the server streams the file. */}
          <Button component="a" href="/api/v1/exports/workspace.zip" download variant="light">
            {t('data.export.zip')}
          </Button>
          <Button component="a" href="/api/v1/exports/workspace.json" download variant="default">
            {t('data.export.json')}
          </Button>
        </Group>
      </Stack>
      <RestoreFromExport />
    </>
  );
}

function RestoreFromExport() {
  const { t } = useTranslation();
  const restore = useRestoreWorkspace();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const read = async (file: File | null) => {
    setProblem(null);
    setDone(null);
    if (!file) return;
    if (file.size > RESTORE_MAX_BYTES) return setProblem(t('data.restore.tooBig'));
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      return setProblem(t('data.restore.notJson'));
    }
    restore.mutate(doc, {
      onSuccess: (result) => setDone(Object.values(result.tables).reduce((a, b) => a + b, 0)),
      onError: (error) => setProblem(error.message),
    });
  };
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('data.restore.title')}</Text>
      <Text size="sm">{t('data.restore.hint')}</Text>
      <Group>
        <FileButton onChange={(f) => void read(f)} accept="application/json,.json">
          {(props) => (
            <Button {...props} variant="default" loading={restore.isPending}>
              {t('data.restore.choose')}
            </Button>
          )}
        </FileButton>
      </Group>
      {problem && (
        <Alert color="red" icon={<AlertIcon />} c="dark.7" role="alert">
          {problem}
        </Alert>
      )}
      {done !== null && (
        <Alert color="teal" icon={<CheckIcon />} c="dark.7">
          {t('data.restore.done', { count: done })}
        </Alert>
      )}
    </Stack>
  );
}

function ApiTokens({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const [shown, setShown] = useState<string | null>(null);
  const form = useSchemaForm({
    schema: ZCreateApiToken,
    initialValues: { name: '', readOnly: false },
    toInput: (v: { name: string; readOnly: boolean }) => ({ name: v.name, scope: v.readOnly ? 'read' : 'write' }),
  });
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('data.tokens.title')}</Text>
      <Text size="sm">
        {t('data.tokens.hint')}{' '}
        <Anchor href="/api-docs" target="_blank" rel="noopener">
          {t('data.tokens.reference')}
        </Anchor>
      </Text>
      {shown && (
        <ShownOnceSecret
          value={shown}
          label={t('data.tokens.token')}
          warning={t('data.tokens.shownOnce')}
          copyLabel={t('data.tokens.copy')}
          copiedLabel={t('data.tokens.copied')}
        />
      )}
      <Paper withBorder p="md" radius="md">
        <form
          noValidate
          onSubmit={form.submit(async (input) => {
            const created = await create.mutateAsync(input);
            setShown(created.token);
            form.reset({ name: '', readOnly: false });
          })}
        >
          <Stack gap="sm">
            <TextInput
              label={t('data.tokens.name')}
              description={t('data.tokens.nameHint')}
              dir="auto"
              value={form.values.name}
              onChange={(e) => form.set('name', e.currentTarget.value)}
              error={form.error('name')}
            />
            <Switch
              label={t('data.tokens.readOnly')}
              checked={form.values.readOnly}
              onChange={(e) => form.update('scope', (v) => ({ ...v, readOnly: e.currentTarget.checked }))}
            />
            <Group>
              <Button type="submit" loading={form.submitting}>
                {t('data.tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {tokens.isPending ? (
        <Loading label={t('common.loading')} />
      ) : tokens.isError ? (
        <Text c="var(--mantine-color-error)">{tokens.error.message}</Text>
      ) : tokens.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('data.tokens.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" aria-label={t('data.tokens.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {tokens.data.map((token) => (
            <TokenRow key={token.id} token={token} timeZone={timeZone} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function TokenRow({ token, timeZone }: { token: ApiToken; timeZone: string }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const revoke = useRevokeApiToken();
  const when = (iso: string) => formatDateTime(iso, intl, timeZone);
  return (
    <Paper component="li" withBorder radius="sm" p="xs">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              <UserText>{token.name}</UserText>
            </Text>
            <Badge variant="light" color={token.scope === 'read' ? 'gray' : 'blue'} c="dark.8" radius="sm">
              {t(`data.tokens.scope.${token.scope}`)}
            </Badge>
            {token.revokedAt && (
              <Badge variant="light" color="red" c="red.9" radius="sm">
                {t('data.tokens.revoked')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            <span dir="ltr">{token.prefix}…</span>
            {t('common.separator')}
            {t('data.tokens.created', { when: when(token.createdAt) })}
            {t('common.separator')}
            {token.lastUsedAt ? t('data.tokens.lastUsed', { when: when(token.lastUsedAt) }) : t('data.tokens.neverUsed')}
          </Text>
        </Stack>
        {!token.revokedAt && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            leftSection={<TrashIcon size={14} />}
            loading={revoke.isPending}
            onClick={() => {
              if (window.confirm(t('data.tokens.revokeConfirm', { name: token.name })))
                revoke.mutate(token.id, { onSuccess: () => notifySuccess(t('data.tokens.revokedNow')), onError: notifyError });
            }}
          >
            {t('data.tokens.revoke')}
            <span className="visually-hidden"> {token.name}</span>
          </Button>
        )}
      </Group>
    </Paper>
  );
}
