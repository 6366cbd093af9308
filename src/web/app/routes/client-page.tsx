import { Button, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../components/ui/bidi';
import { Dialog } from '../../components/ui/dialog';
import {
  BriefcaseIcon,
  CoinsIcon,
  PhoneIcon,
  PlusIcon,
  PromiseIcon,
  QuoteIcon,
  SendIcon,
} from '../../components/ui/icons';
import { SectionCard } from '../../components/ui/section-card';
import { MessageComposer } from '../../features/messages/components/message-composer';
import { composeTermsMessage } from '../../features/quotes/api/quotes-api';
import { QuoteList } from '../../features/quotes/components/quote-list';
import { notifySuccess } from '../../lib/notify';
import { useMe } from '../../features/accounts/api/session-api';
import { clientQuery } from '../../features/clients/api/client-queries';
import { ClientHub } from '../../features/clients/components/client-hub';
import { CommitmentEventLine } from '../../features/commitments/components/commitment-event';
import { OpenPromises } from '../../features/commitments/components/open-promises';
import { WordKeepingCard } from '../../features/commitments/components/word-keeping-card';
import { ClientTimeline } from '../../features/insights/components/client-timeline';
import { InteractionItem } from '../../features/interactions/components/interaction-item';
import { usePageTitle } from '../../lib/use-page-title';
import { ProjectList } from '../../features/projects/components/project-list';
import { NewProjectForm } from '../../features/projects/components/project-form';
import { useWordActions } from '../shell/word-actions';
import { useMoneyActions } from '../shell/money-actions';
import { BalanceSummary, PaymentSchedule } from '../../features/payments/components/client-money';
import { useQuotes } from '../../features/quotes/api/quote-queries';

const route = getRouteApi('/_app/clients/$clientId');

export function ClientPage() {
  const { t } = useTranslation();
  const { clientId } = route.useParams();
  const me = useMe();
  const actions = useWordActions();
  const client = useQuery(clientQuery(clientId));
  const timeZone = me.workspace.timeZone;
  usePageTitle(client.data?.name ?? null);
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const [termsFor, setTermsFor] = useState<{ id: string; name: string } | null>(null);
  const [termsCount, setTermsCount] = useState(0);
  const closeTerms = () => setTermsFor(null);
  const [newProjectFor, setNewProjectFor] = useState<string | null>(null);
  const navigate = useNavigate();
  const money = useMoneyActions();
  const quotes = useQuotes(clientId);
  const acceptedQuotes = (quotes.data ?? [])
    .filter((q) => q.status === 'accepted')
    .map((q) => ({ id: q.id, label: `${q.number} · ${q.current.title}` }));

  return (
    <>
      <ClientHub
        clientId={clientId}
        timeZone={timeZone}
        headerActions={(c) => {
          const ref = { id: c.id, name: c.name };
          return (
            <>
              <Button
                leftSection={<PhoneIcon size={18} />}
                onClick={() => actions.logContact({ client: ref, ...(c.channel ? { channel: c.channel } : {}) })}
              >
                {t('clients.page.logContact')}
              </Button>
              <Button
                variant="light"
                leftSection={<PromiseIcon size={18} />}
                onClick={() => actions.addPromise({ client: ref })}
              >
                {t('clients.page.addPromise')}
              </Button>
            </>
          );
        }}
        main={(c) => {
          const ref = { id: c.id, name: c.name };
          return (
            <>
              <OpenPromises
                clientId={c.id}
                timeZone={timeZone}
                onAdd={(direction) => actions.addPromise({ client: ref, direction })}
                onRenegotiate={actions.renegotiate}
                onRemind={actions.remind}
                onLogContact={() => actions.logContact({ client: ref })}
              />
              <SectionCard
                id="client-quotes"
                title={t('quotes.clientSection.title')}
                icon={<QuoteIcon size={20} />}
                actions={
                  <Group gap="xs">
                    <Button
                      size="compact-sm"
                      renderRoot={(props) => <Link to="/quotes/new" search={{ clientId: c.id }} {...props} />}
                      leftSection={<PlusIcon size={16} />}
                    >
                      {t('quotes.new')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<SendIcon size={16} />}
                      onClick={() => {
                        setTermsFor(ref);
                        setTermsCount((n) => n + 1);
                      }}
                    >
                      {t('quotes.clientSection.sendTerms')}
                    </Button>
                  </Group>
                }
              >
                <QuoteList clientId={c.id} newQuoteSearch={{ clientId: c.id }} />
              </SectionCard>
              <SectionCard
                id="client-projects"
                title={t('projects.clientSection.title')}
                icon={<BriefcaseIcon size={20} />}
                actions={
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<PlusIcon size={16} />}
                    onClick={() => setNewProjectFor(c.id)}
                  >
                    {t('projects.new')}
                  </Button>
                }
              >
                <ProjectList clientId={c.id} />
              </SectionCard>
              <SectionCard
                id="client-money"
                title={t('money.title')}
                icon={<CoinsIcon size={20} />}
                actions={
                  <Group gap="xs">
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<PlusIcon size={16} />}
                      onClick={() => money.addItem(c.id)}
                    >
                      {t('money.addTitle')}
                    </Button>
                    <Button size="compact-sm" variant="light" onClick={() => money.split(acceptedQuotes)}>
                      {t('money.split.title')}
                    </Button>
                  </Group>
                }
              >
                <Stack gap="sm">
                  <BalanceSummary clientId={c.id} />
                  <PaymentSchedule clientId={c.id} onRecord={money.record} onRemind={money.remind} />
                </Stack>
              </SectionCard>
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
        aside={(c) => <WordKeepingCard clientId={c.id} />}
      />
      <Dialog
        key={termsCount}
        opened={termsFor !== null}
        onClose={closeTerms}
        title={
          <>
            {t('quotes.clientSection.termsTitle')}{' '}
            <Text span c="dimmed" fw={500}>
              <UserText>{termsFor?.name ?? ''}</UserText>
            </Text>
          </>
        }
        closeLabel={t('actions.close')}
        size="lg"
        fullScreen={isPhone}
      >
        {termsFor && (
          <MessageComposer
            request={{ kind: 'terms', clientId: termsFor.id }}
            source={{ key: ['terms', termsFor.id, termsCount], load: () => composeTermsMessage(termsFor.id) }}
            clientName={termsFor.name}
            onDone={() => {
              closeTerms();
              notifySuccess(t('quotes.clientSection.termsSent'));
            }}
            onCancel={closeTerms}
          />
        )}
      </Dialog>
      {money.dialog}
      <Dialog
        opened={newProjectFor !== null}
        onClose={() => setNewProjectFor(null)}
        title={t('projects.new')}
        closeLabel={t('actions.close')}
        size="lg"
        fullScreen={isPhone}
      >
        {newProjectFor && (
          <NewProjectForm
            clientId={newProjectFor}
            onCancel={() => setNewProjectFor(null)}
            onDone={(project) => {
              setNewProjectFor(null);
              void navigate({ to: '/projects/$projectId', params: { projectId: project.id } });
            }}
          />
        )}
      </Dialog>
    </>
  );
}
