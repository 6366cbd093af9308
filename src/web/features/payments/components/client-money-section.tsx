import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentItem } from '../../../../shared/schemas/payments';
import { CoinsIcon, PlusIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import { BalanceSummary, PaymentSchedule } from './client-money';
import { PaymentsReceived } from './payments-received';

type Props = {
  clientId: string;
  onAddItem: () => void;
  onSplit: () => void;
  onRecord: (item: PaymentItem) => void;
  onRemind: (item: PaymentItem) => void;
};

/** The client's money on their page: the balance each way, the payment schedule, what was paid. */
export function ClientMoneySection({ clientId, onAddItem, onSplit, onRecord, onRemind }: Props) {
  const { t } = useTranslation();
  return (
    <SectionCard
      id="client-money"
      title={t('money.title')}
      icon={<CoinsIcon size={20} />}
      actions={
        <Group gap="xs">
          <Button size="compact-sm" variant="light" leftSection={<PlusIcon size={16} />} onClick={onAddItem}>
            {t('money.addTitle')}
          </Button>
          <Button size="compact-sm" variant="light" onClick={onSplit}>
            {t('money.split.title')}
          </Button>
        </Group>
      }
    >
      <Stack gap="sm">
        <BalanceSummary clientId={clientId} />
        <PaymentSchedule clientId={clientId} onRecord={onRecord} onRemind={onRemind} />
        <PaymentsReceived clientId={clientId} />
      </Stack>
    </SectionCard>
  );
}
