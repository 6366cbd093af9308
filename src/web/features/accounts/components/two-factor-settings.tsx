import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../lib/notify';
import { useMe } from '../api/session-api';
import { useRegenerateRecoveryCodes } from '../api/two-factor-api';
import { CurrentPasswordForm } from './current-password-form';
import { RecoveryCodes } from './recovery-codes';
import { TwoFactorEnrol } from './two-factor-enrol';
import { TwoFactorOffForm } from './two-factor-off-form';

type Mode = 'idle' | 'enrol' | 'off' | 'regenerate';

/** Settings → my account: two-step sign-in, on or off, and its recovery codes. */
export function TwoFactorSettings() {
  const { t } = useTranslation();
  const me = useMe();
  const regenerate = useRegenerateRecoveryCodes();
  const [mode, setMode] = useState<Mode>('idle');
  const [codes, setCodes] = useState<string[] | null>(null);
  const on = me.twoFactor.enabled;
  const idle = () => setMode('idle');

  let body;
  if (codes) body = <RecoveryCodes codes={codes} email={me.user.email} onDone={() => setCodes(null)} />;
  else if (mode === 'enrol')
    body = (
      <TwoFactorEnrol
        onCancel={idle}
        onDone={(issued) => {
          notifySuccess(t('twoFactor.turnedOn'));
          setCodes(issued);
          idle();
        }}
      />
    );
  else if (mode === 'off') body = <TwoFactorOffForm onDone={idle} />;
  else if (mode === 'regenerate')
    body = (
      <CurrentPasswordForm
        label={t('twoFactor.regenerate')}
        submitLabel={t('twoFactor.regenerate')}
        onCancel={idle}
        onSubmit={async (currentPassword) => {
          setCodes((await regenerate.mutateAsync({ currentPassword })).recoveryCodes);
          idle();
        }}
      />
    );
  else
    body = on ? (
      <Stack gap="xs">
        <Text size="sm">{t('twoFactor.codesLeft', { count: me.twoFactor.recoveryCodesLeft })}</Text>
        <Group gap="xs">
          <Button variant="default" onClick={() => setMode('regenerate')}>
            {t('twoFactor.regenerate')}
          </Button>
          <Button variant="default" color="red" onClick={() => setMode('off')}>
            {t('twoFactor.turnOff')}
          </Button>
        </Group>
      </Stack>
    ) : (
      <Group>
        <Button onClick={() => setMode('enrol')}>{t('twoFactor.turnOn')}</Button>
      </Group>
    );

  return (
    <Stack gap="xs" component="section" aria-labelledby="two-factor-title">
      <Group gap="xs">
        <Title order={3} size="h4" id="two-factor-title">
          {t('twoFactor.title')}
        </Title>
        {/* The word says it; the colour only helps (the light green's own text is under AA). */}
        <Badge variant="light" color={on ? 'green' : 'gray'} c="dark.7">
          {on ? t('twoFactor.statusOn') : t('twoFactor.statusOff')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('twoFactor.intro')}
      </Text>
      {body}
    </Stack>
  );
}
