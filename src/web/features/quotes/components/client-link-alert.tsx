import { Alert, Button, CopyButton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Ltr } from '../../../components/ui/bidi';
import { CheckIcon, CopyIcon, LinkIcon } from '../../../components/ui/icons';

/** The client's personal link, shown once: copy it now. */
export function ClientLinkAlert({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" c="dark.7" icon={<LinkIcon />} title={t('quotes.send.linkTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('quotes.send.linkHelp')}</Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="client-link">
          <Ltr>{url}</Ltr>
        </Text>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
              onClick={copy}
              w="fit-content"
            >
              {copied ? t('quotes.send.copied') : t('quotes.send.copyLink')}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}
