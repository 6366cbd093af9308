import { Alert, Button, CopyButton, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, CheckIcon, CopyIcon } from '../../../components/ui/icons';
import { saveFile } from '../../../lib/api-client';

/** The ten recovery codes, shown this once: copy them, download them, then say they are kept. */
export function RecoveryCodes({ codes, email, onDone }: { codes: string[]; email: string; onDone: () => void }) {
  const { t } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);
  // Shown once: bring them into view and move focus there, so no one (or screen reader) misses them.
  useEffect(() => title.current?.focus(), []);
  const text = codes.join('\n');
  const download = () =>
    saveFile(
      new Blob([`${t('twoFactor.fileIntro', { email })}\n\n${text}\n`], { type: 'text/plain;charset=utf-8' }),
      'mila-recovery-codes.txt',
    );
  return (
    <Stack gap="sm" aria-labelledby="recovery-codes-title" component="section">
      <Title order={4} size="h5" id="recovery-codes-title" ref={title} tabIndex={-1}>
        {t('twoFactor.recoveryTitle')}
      </Title>
      <Alert color="yellow" icon={<AlertIcon />} c="dark.7">
        {t('twoFactor.recoveryWarning')}
      </Alert>
      <SimpleGrid
        cols={2}
        spacing="xs"
        component="ol"
        dir="ltr"
        aria-label={t('twoFactor.recoveryTitle')}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {codes.map((code) => (
          <li key={code}>
            <code style={{ fontSize: 'var(--mantine-font-size-md)' }}>{code}</code>
          </li>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'default'}
              leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
              onClick={copy}
            >
              {copied ? t('twoFactor.copied') : t('twoFactor.copyAll')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download}>
          {t('twoFactor.download')}
        </Button>
        <Button onClick={onDone}>{t('twoFactor.savedThem')}</Button>
      </Group>
    </Stack>
  );
}
