import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TwoFactorStarted, ZConfirmTwoFactor } from '../../../../shared/schemas/accounts';
import { QrCode } from '../../../components/ui/qr-code';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useConfirmTwoFactor, useStartTwoFactor } from '../api/two-factor-api';
import { CodeField } from './code-field';
import { CurrentPasswordForm } from './current-password-form';

/** Turning two-step sign-in on: the password, then the app scans (or types) the secret and a code confirms it. */
export function TwoFactorEnrol({ onDone, onCancel }: { onDone: (codes: string[]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const start = useStartTwoFactor();
  const [started, setStarted] = useState<TwoFactorStarted | null>(null);
  if (!started)
    return (
      <CurrentPasswordForm
        label={t('twoFactor.turnOn')}
        submitLabel={t('twoFactor.continue')}
        onSubmit={async (currentPassword) => setStarted(await start.mutateAsync({ currentPassword }))}
        onCancel={onCancel}
      />
    );
  return <ScanAndConfirm started={started} onDone={onDone} onCancel={onCancel} />;
}

function ScanAndConfirm({
  started,
  onDone,
  onCancel,
}: {
  started: TwoFactorStarted;
  onDone: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirmTwoFactor();
  const form = useSchemaForm({ schema: ZConfirmTwoFactor, initialValues: { code: '' } });
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Title order={4} size="h5">
          {t('twoFactor.scanTitle')}
        </Title>
        <Text size="sm">{t('twoFactor.scanHint')}</Text>
        <QrCode text={started.uri} label={t('twoFactor.qrAlt')} />
        <Text size="sm">{t('twoFactor.typeInstead')}</Text>
        <TextInput
          label={t('twoFactor.secretLabel')}
          value={started.secret}
          readOnly
          dir="ltr"
          onFocus={(e) => e.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
      </Stack>
      <form
        noValidate
        aria-label={t('twoFactor.confirmTitle')}
        onSubmit={form.submit(async (input) => onDone((await confirm.mutateAsync(input)).recoveryCodes))}
      >
        <Stack gap="sm">
          <Title order={4} size="h5">
            {t('twoFactor.confirmTitle')}
          </Title>
          <CodeField
            method="totp"
            value={form.values.code}
            onChange={(v) => form.set('code', v)}
            error={form.error('code')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('twoFactor.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
