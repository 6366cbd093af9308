import { Button, Stack } from '@mantine/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockIcon, HandshakeIcon, PhoneIcon, PromiseIcon } from '../../components/ui/icons';
import { SectionCard } from '../../components/ui/section-card';
import { useMe } from '../../features/accounts/api/session-api';
import { AmbassadorCard } from '../../features/care/components/ambassador-card';
import { ConflictsSection } from '../../features/care/components/conflicts-section';
import { MistakesSection } from '../../features/care/components/mistakes-section';
import { EndEngagementAction, EndedNotice } from '../../features/care/components/parting-actions';
import { PlaybookBadge } from '../../features/care/components/playbook-badge';
import { ClientHub } from '../../features/clients/components/client-hub';
import { CommitmentEventLine } from '../../features/commitments/components/commitment-event';
import { OpenPromises } from '../../features/commitments/components/open-promises';
import { WordKeepingCard } from '../../features/commitments/components/word-keeping-card';
import { ClientTimeline } from '../../features/insights/components/client-timeline';
import { TimeEntries } from '../../features/time/components/time-entries';
import { ClientHealthCard } from '../../features/insights/components/health/client-health-card';
import { ClientScoreBadge } from '../../features/insights/components/health/score-badge';
import { InteractionItem } from '../../features/interactions/components/interaction-item';
import { AgreedChannelAction } from '../../features/messages/components/agreed-channel-action';
import { MessageComposer } from '../../features/messages/components/message-composer';
import { ClientMoneySection } from '../../features/payments/components/client-money-section';
import { ClientProjectsSection } from '../../features/projects/components/client-projects-section';
import { useAcceptedQuoteChoices } from '../../features/quotes/api/quote-queries';
import { ClientQuotesSection } from '../../features/quotes/components/client-quotes-section';
import { useQuery } from '@tanstack/react-query';
import { clientQuery } from '../../features/clients/api/client-queries';
import { usePageTitle } from '../../lib/use-page-title';
import { todayIn } from '../../lib/zoned-dates';
import { useMoneyActions } from '../shell/money-actions';
import { useWordActions } from '../shell/word-actions';

const route = getRouteApi('/_app/clients/$clientId');

/** The hub: promises each way, quotes, projects, money and the timeline of everything. */
export function ClientPage() {
  const { t } = useTranslation();
  const { clientId } = route.useParams();
  const { thank } = route.useSearch();
  const navigate = useNavigate();
  const me = useMe();
  const actions = useWordActions();
  const money = useMoneyActions();
  const client = useQuery(clientQuery(clientId));
  const acceptedQuotes = useAcceptedQuoteChoices(clientId);
  const timeZone = me.workspace.timeZone;
  usePageTitle(client.data?.name ?? null);
  const clearThank = useCallback(
    () => void navigate({ to: '/clients/$clientId', params: { clientId }, search: {}, replace: true }),
    [navigate, clientId],
  );

  return (
    <>
      <ClientHub
        clientId={clientId}
        timeZone={timeZone}
        renderType={(personality) => <PlaybookBadge type={personality} />}
        headerBadges={(c) => <ClientScoreBadge clientId={c.id} />}
        headerActions={(c) => (
          <>
            <Button
              leftSection={<PhoneIcon size={18} />}
              onClick={() =>
                actions.logContact({ client: { id: c.id, name: c.name }, ...(c.channel ? { channel: c.channel } : {}) })
              }
            >
              {t('clients.page.logContact')}
            </Button>
            <Button
              variant="light"
              leftSection={<PromiseIcon size={18} />}
              onClick={() => actions.addPromise({ client: { id: c.id, name: c.name } })}
            >
              {t('clients.page.addPromise')}
            </Button>
          </>
        )}
        main={(c) => {
          const ref = { id: c.id, name: c.name };
          return (
            <>
              <EndedNotice client={c} timeZone={timeZone} />
              <OpenPromises
                clientId={c.id}
                timeZone={timeZone}
                onAdd={(direction) => actions.addPromise({ client: ref, direction })}
                onRenegotiate={actions.renegotiate}
                onRemind={actions.remind}
                onLogContact={() => actions.logContact({ client: ref })}
              />
              <ClientQuotesSection client={ref} composer={MessageComposer} />
              <ClientProjectsSection clientId={c.id} />
              <MistakesSection
                clientId={c.id}
                currency={me.workspace.currency}
                timeZone={timeZone}
                composer={MessageComposer}
              />
              <ConflictsSection clientId={c.id} />
              <ClientHealthCard clientId={c.id} timeZone={timeZone} />
              <ClientMoneySection
                clientId={c.id}
                onAddItem={() => money.addItem(c.id)}
                onSplit={() => money.split(acceptedQuotes)}
                onRecord={money.record}
                onRemind={money.remind}
              />
              <ClientTimeline
                clientId={c.id}
                timeZone={timeZone}
                onLogContact={() => actions.logContact({ client: ref })}
                renderInteraction={(interaction, now) => (
                  <InteractionItem
                    interaction={interaction}
                    timeZone={timeZone}
                    now={now}
                    onReply={actions.reply}
                    onSendSummary={actions.sendMeetingSummary}
                  />
                )}
                renderCommitmentEvent={(commitment, event) => (
                  <CommitmentEventLine commitment={commitment} event={event} timeZone={timeZone} />
                )}
              />
            </>
          );
        }}
        aside={(c) => (
          <>
            <WordKeepingCard clientId={c.id} />
            {/* The less frequent acts on the relationship: beside the hub, not in the crowded header. */}
            <SectionCard
              id="client-relationship"
              title={t('clients.page.relationship')}
              icon={<HandshakeIcon size={20} />}
            >
              <Stack gap="xs" align="stretch">
                <AgreedChannelAction client={{ id: c.id, name: c.name }} />
                <EndEngagementAction client={c} composer={MessageComposer} />
                {/* Years of the relationship already live in WhatsApp: bring them into the log. */}
                <Button
                  variant="default"
                  renderRoot={(props) => (
                    <Link to="/clients/$clientId/import-whatsapp" params={{ clientId: c.id }} {...props} />
                  )}
                >
                  {t('chatImport.link')}
                </Button>
              </Stack>
            </SectionCard>
            {/* Time not tied to a project (a call, advice) counts in the client's effort too. */}
            <SectionCard id="client-time" title={t('time.clientTitle')} icon={<ClockIcon size={20} />}>
              <TimeEntries clientId={c.id} projectId={null} today={todayIn(timeZone)} timeZone={timeZone} />
            </SectionCard>
            <AmbassadorCard
              client={{ id: c.id, name: c.name }}
              composer={MessageComposer}
              thankFor={thank ?? null}
              onThankOpened={clearThank}
            />
          </>
        )}
      />
      {money.dialog}
    </>
  );
}
