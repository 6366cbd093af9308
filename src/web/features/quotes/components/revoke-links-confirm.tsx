import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useRevokeQuoteLinks } from '../api/quote-queries';

/** Asks once, then turns off every link the client was sent for this quote. */
export function RevokeLinksConfirm({
  quoteId,
  onCancel,
  onDone,
}: {
  quoteId: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const revoke = useRevokeQuoteLinks(quoteId);
  return (
    <Stack gap="md">
      <Text size="sm">{t('quotes.actions.revokeConfirm')}</Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="subtle" color="gray" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
        <Button
          color="red"
          loading={revoke.isPending}
          onClick={() =>
            revoke.mutate(undefined, {
              onSuccess: () => {
                onDone();
                notifySuccess(t('quotes.actions.revoked'));
              },
              onError: notifyError,
            })
          }
        >
          {t('quotes.actions.revoke')}
        </Button>
      </Group>
    </Stack>
  );
}
