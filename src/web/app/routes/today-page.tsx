import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PhoneIcon, PromiseIcon } from '../../components/ui/icons';
import { useMe } from '../../features/accounts/api/session-api';
import { useClientSearch } from '../../features/clients/api/client-queries';
import { CommitmentItem } from '../../features/commitments/components/commitment-item';
import { WordKeepingCard } from '../../features/commitments/components/word-keeping-card';
import { HolidayGreetingsNotice } from '../../features/greetings/components/holiday-greetings-notice';
import { TodayView } from '../../features/insights/components/today-view';
import { importantDateKinds } from '../../../shared/schemas/clients';
import { InteractionItem } from '../../features/interactions/components/interaction-item';
import { usePageTitle } from '../../lib/use-page-title';
import { useWordActions } from '../shell/word-actions';
import { useMoneyActions } from '../shell/money-actions';
import { PaymentRow } from '../../features/payments/components/client-money';

export function TodayPage() {
  const { t } = useTranslation();
  const me = useMe();
  const actions = useWordActions();
  const money = useMoneyActions();
  const timeZone = me.workspace.timeZone;
  // Only to know whether an empty Today should first send the user to add a client.
  const clients = useClientSearch('');
  const hasClients = clients.data ? clients.data.total > 0 : undefined;
  usePageTitle(t('today.title'));

  // Before the first client there is nothing to log yet: the empty state offers adding one. A viewer only looks.
  const quickActions =
    hasClients === false || me.user.role === 'viewer' ? null : (
      <>
        <Button leftSection={<PhoneIcon size={18} />} onClick={() => actions.logContact()}>
          {t('today.logContact')}
        </Button>
        <Button variant="light" leftSection={<PromiseIcon size={18} />} onClick={() => actions.addPromise()}>
          {t('today.addPromise')}
        </Button>
      </>
    );

  return (
    <>
      <TodayView
        renderPaymentsLate={(items) => (
          <Stack
            gap="xs"
            component="ul"
            aria-label={t('today.sections.paymentsLate')}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {items.map((item) => (
              <PaymentRow key={item.id} item={item} showClient onRecord={money.record} onRemind={money.remind} />
            ))}
          </Stack>
        )}
        hasClients={hasClients}
        onLogContact={() => actions.logContact()}
        onAddPromise={() => actions.addPromise()}
        actions={quickActions}
        renderCommitment={(commitment, now) => (
          <CommitmentItem
            commitment={commitment}
            timeZone={timeZone}
            now={now}
            onRenegotiate={actions.renegotiate}
            onRemind={actions.remind}
            onLogContact={(c) => actions.logContact({ client: { id: c.clientId, name: c.clientName } })}
          />
        )}
        renderInteraction={(interaction, now) => (
          <InteractionItem interaction={interaction} timeZone={timeZone} now={now} showClient onReply={actions.reply} />
        )}
        aside={<WordKeepingCard />}
        notice={<HolidayGreetingsNotice timeZone={timeZone} />}
        onGreet={(g) =>
          actions.greet({
            clientId: g.clientId,
            clientName: g.clientName,
            occasion: importantDateKinds.find((k) => k === g.kind) ?? 'other',
            label: g.label,
          })
        }
      />
      {money.dialog}
    </>
  );
}
