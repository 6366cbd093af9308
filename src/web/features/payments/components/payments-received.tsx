import { Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../../shared/schemas/payments';
import { UserText } from '../../../components/ui/bidi';
import { TrashIcon } from '../../../components/ui/icons';
import { formatAmount, formatLongDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { notifyError, notifySuccess, notifyWithAction } from '../../../lib/notify';
import { useDeletePayment, usePayments, useRecordPayment } from '../api/payment-queries';

/**
 * What the client has paid, newest first. A payment typed by mistake is deleted at once and can be
 * undone from the message: undo records the same payment again (same amount, day, method, note,
 * scheduled line).
 */
export function PaymentsReceived({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const payments = usePayments(clientId);
  const remove = useDeletePayment();
  const record = useRecordPayment();
  if (payments.isError) return <Text c="red.9">{payments.error.message}</Text>;
  if (!payments.data) return <Skeleton height={40} />;
  if (payments.data.length === 0) return null;

  const undo = (p: Payment) =>
    record.mutate(
      {
        clientId: p.clientId,
        ...(p.paymentItemId ? { paymentItemId: p.paymentItemId } : {}),
        amount: p.amount,
        currency: p.currency,
        receivedOn: p.receivedOn,
        method: p.method ?? '',
        note: p.note ?? '',
      },
      { onSuccess: () => notifySuccess(t('money.received.restored')), onError: notifyError },
    );

  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id={`received-${clientId}`}>
        {t('money.received.title')}
      </Text>
      <Stack
        gap={4}
        component="ul"
        aria-labelledby={`received-${clientId}`}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {payments.data.map((p) => {
          const what = t('money.received.line', {
            amount: formatAmount(p.amount, p.currency),
            date: formatLongDay(p.receivedOn, intl),
          });
          return (
            <Paper key={p.id} component="li" withBorder radius="sm" px="xs" py={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  {what}
                  {p.method ? (
                    <>
                      {t('common.separator')}
                      <UserText>{p.method}</UserText>
                    </>
                  ) : null}
                  {p.note ? (
                    <>
                      {t('common.separator')}
                      <UserText>{p.note}</UserText>
                    </>
                  ) : null}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('money.received.delete', { what })}
                  loading={remove.isPending && remove.variables === p.id}
                  onClick={() =>
                    remove.mutate(p.id, {
                      onSuccess: () =>
                        notifyWithAction(
                          t('money.received.deleted', { what }),
                          { label: t('actions.undo'), onClick: () => undo(p) },
                          { id: `payment-deleted-${p.id}` },
                        ),
                      onError: notifyError,
                    })
                  }
                >
                  <TrashIcon size={14} />
                </Button>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
