import { Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentItem } from '../../../../shared/schemas/payments';
import { isolate } from '../../../../shared/text';
import { UserText } from '../../../components/ui/bidi';
import { AlertIcon, CheckIcon, MessageIcon, TrashIcon } from '../../../components/ui/icons';
import { formatLongDay, formatAmount } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useBalance, useCancelPaymentItem, usePaymentItems } from '../api/payment-queries';

/** Quoted / accepted / received / outstanding / overdue; overdue in red with an icon and the word. */
export function BalanceSummary({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const balance = useBalance(clientId);
  if (balance.isError) return <Text c="red.9">{balance.error.message}</Text>;
  if (!balance.data) return <Skeleton height={60} />;
  const b = balance.data;
  const cells: { key: string; value: number; danger?: boolean }[] = [
    { key: 'quoted', value: b.quoted },
    { key: 'accepted', value: b.accepted },
    { key: 'received', value: b.received },
    { key: 'outstanding', value: b.outstanding },
    { key: 'overdue', value: b.overdue, danger: b.overdue > 0 },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" component="dl" m={0}>
      {cells.map((cell) => (
        <Paper key={cell.key} withBorder radius="sm" p="xs" c={cell.danger ? 'red.9' : undefined}>
          <Text component="dt" size="xs" c={cell.danger ? 'red.9' : 'dimmed'} fw={cell.danger ? 700 : 400}>
            {cell.danger && <AlertIcon size={12} />} {t(`money.balance.${cell.key as 'quoted'}`)}
          </Text>
          <Text component="dd" m={0} fw={700}>
            {formatAmount(cell.value, b.currency)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export function PaymentStatusBadge({ item }: { item: PaymentItem }) {
  const { t } = useTranslation();
  const color =
    item.status === 'overdue' ? 'red' : item.status === 'paid' ? 'teal' : item.status === 'partial' ? 'orange' : 'gray';
  return (
    <Badge
      variant="light"
      color={color}
      c={item.status === 'overdue' ? 'red.9' : 'dark.8'}
      radius="sm"
      leftSection={
        item.status === 'overdue' ? <AlertIcon size={12} /> : item.status === 'paid' ? <CheckIcon size={12} /> : null
      }
    >
      {t(`money.status.${item.status}`)}
    </Badge>
  );
}

/** One scheduled payment with what can be done about it. */
export function PaymentRow({
  item,
  showClient = false,
  onRecord,
  onRemind,
}: {
  item: PaymentItem;
  showClient?: boolean;
  onRecord: (item: PaymentItem) => void;
  onRemind: (item: PaymentItem) => void;
}) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const cancel = useCancelPaymentItem();
  const live = item.status !== 'paid' && item.status !== 'cancelled';
  return (
    <Paper component="li" withBorder radius="sm" p="xs">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {showClient && (
                <>
                  <UserText>{item.clientName}</UserText>
                  {t('common.separator')}
                </>
              )}
              <UserText>{item.label}</UserText>
            </Text>
            <PaymentStatusBadge item={item} />
          </Group>
          <Text size="sm">
            {formatAmount(item.amount, item.currency)}
            {item.received > 0 && item.outstanding > 0 ? (
              <>
                {t('common.separator')}
                {t('money.outstanding', { amount: formatAmount(item.outstanding, item.currency) })}
              </>
            ) : null}
            {t('common.separator')}
            {t('money.dueOn', { date: formatLongDay(item.dueDate, intl) })}
          </Text>
        </Stack>
        {live && (
          <Group gap="xs">
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<CheckIcon size={14} />}
              onClick={() => onRecord(item)}
            >
              {t('money.record')}
              <span className="visually-hidden"> {isolate(item.label)}</span>
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<MessageIcon size={14} />}
              onClick={() => onRemind(item)}
            >
              {t('money.remind')}
              <span className="visually-hidden"> {isolate(item.label)}</span>
            </Button>
            {!showClient && (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                leftSection={<TrashIcon size={14} />}
                loading={cancel.isPending}
                onClick={() => {
                  if (window.confirm(t('money.cancelConfirm', { label: item.label })))
                    cancel.mutate(item.id, {
                      onSuccess: () => notifySuccess(t('money.cancelled')),
                      onError: notifyError,
                    });
                }}
              >
                {t('money.cancel')}
                <span className="visually-hidden"> {isolate(item.label)}</span>
              </Button>
            )}
          </Group>
        )}
      </Group>
    </Paper>
  );
}

export function PaymentSchedule({
  clientId,
  onRecord,
  onRemind,
}: {
  clientId: string;
  onRecord: (item: PaymentItem) => void;
  onRemind: (item: PaymentItem) => void;
}) {
  const { t } = useTranslation();
  const items = usePaymentItems(clientId);
  if (items.isError) return <Text c="red.9">{items.error.message}</Text>;
  if (!items.data) return <Skeleton height={60} />;
  const shown = items.data.filter((i) => i.status !== 'cancelled');
  if (shown.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('money.emptySchedule')}
      </Text>
    );
  return (
    <Stack
      gap="xs"
      component="ul"
      aria-label={t('money.schedule')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {shown.map((item) => (
        <PaymentRow key={item.id} item={item} onRecord={onRecord} onRemind={onRemind} />
      ))}
    </Stack>
  );
}
