import { Alert, Button, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared/schemas/commitments';
import type { Today } from '../../../../shared/schemas/insights';
import type { Interaction } from '../../../../shared/schemas/interactions';
import {
  AlertIcon,
  BriefcaseIcon,
  CalendarIcon,
  ClockIcon,
  NoteIcon,
  PromiseIcon,
  ReplyIcon,
  SunIcon,
} from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import { formatLongDay, formatNumber } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { useNow } from '../../../lib/use-when';
import { useToday } from '../api/insight-queries';
import { EmptyToday } from './empty-today';
import { ProjectNextStepRow } from './project-next-step';
import { type Greeting, GreetingRow, type QuoteWaiting, QuoteWaitingRow } from './today-extras';

/** Rows shown at first: enough for a glance, cheap with a thousand open items; then 50 more a tap. */
const FIRST_ROWS = 15;
const MORE_ROWS = 50;

type Props = {
  /** Scheduled payments past their day; the route renders the rows (money is another feature). */
  renderPaymentsLate?: (items: Today['paymentsOverdue']) => ReactNode;
  renderCommitment: (commitment: Commitment, now: Date) => ReactNode;
  renderInteraction: (interaction: Interaction, now: Date) => ReactNode;
  /** The word-keeping card, beside the lists on a desktop and under them on a phone. */
  aside: ReactNode;
  /** Quick actions beside the heading (log a contact, new promise). */
  actions: ReactNode;
  /** Whether any client exists yet: an empty Today then teaches how to start. */
  hasClients: boolean | undefined;
  onLogContact: () => void;
  onAddPromise: () => void;
  /** "Send greeting" on each of Today's greetings (the composer lives with the route). */
  onGreet?: (greeting: Greeting) => void;
  /** Shown under the heading whatever the lists hold (the coming holiday's greetings). */
  notice?: ReactNode;
};

type SectionBase = { id: string; title: string; icon: ReactNode; tone: 'default' | 'danger'; total: number };
type Section = SectionBase &
  (
    | { kind: 'commitments'; items: Commitment[]; countKey: 'today.promiseCount' }
    | { kind: 'interactions'; items: Interaction[]; countKey: 'today.contactCount' }
    | { kind: 'quotes'; items: QuoteWaiting[]; countKey: 'today.quoteCount' }
    | { kind: 'greetings'; items: Greeting[]; countKey: 'today.greetingCount' }
  );

/** What do I owe whom today, and what do they owe me: late first, then today, then the rest. */
export function TodayView({
  renderCommitment,
  renderInteraction,
  renderPaymentsLate,
  aside,
  actions,
  hasClients,
  onLogContact,
  onAddPromise,
  onGreet,
  notice,
}: Props) {
  const { t } = useTranslation();
  const today = useToday();
  const now = useNow();
  const intlLocale = currentIntlLocale();

  const heading = (
    <Stack gap={2}>
      <Title order={1} size="h2">
        {t('today.title')}
      </Title>
      {today.data && (
        <Text size="sm" c="dimmed">
          {formatLongDay(today.data.date, intlLocale, false)}
        </Text>
      )}
    </Stack>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        {heading}
        <Group gap="xs">{actions}</Group>
      </Group>
      {notice}
      {today.isError && !today.data ? (
        <Alert color="red" icon={<AlertIcon />} title={t('errors.title')}>
          <Text size="sm" mb="xs">
            {today.error.message}
          </Text>
          <Button size="xs" variant="light" color="red" onClick={() => void today.refetch()}>
            {t('actions.retry')}
          </Button>
        </Alert>
      ) : !today.data ? (
        <Stack gap="sm" aria-hidden="true">
          <Skeleton height={120} radius="md" />
          <Skeleton height={120} radius="md" />
        </Stack>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Sections
              data={today.data}
              now={now}
              renderPaymentsLate={renderPaymentsLate}
              renderCommitment={renderCommitment}
              renderInteraction={renderInteraction}
              hasClients={hasClients}
              onLogContact={onLogContact}
              onAddPromise={onAddPromise}
              {...(onGreet ? { onGreet } : {})}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>{aside}</Grid.Col>
        </Grid>
      )}
      <Text className="visually-hidden" role="status">
        {today.data
          ? t('today.summary', {
              late: formatNumber(today.data.counts.mineOverdue, intlLocale),
              due: formatNumber(today.data.counts.mineToday, intlLocale),
            })
          : ''}
      </Text>
    </Stack>
  );
}

function Sections({
  data,
  now,
  renderCommitment,
  renderInteraction,
  renderPaymentsLate,
  hasClients,
  onLogContact,
  onAddPromise,
  onGreet,
}: Pick<
  Props,
  | 'renderCommitment'
  | 'renderInteraction'
  | 'renderPaymentsLate'
  | 'hasClients'
  | 'onLogContact'
  | 'onAddPromise'
  | 'onGreet'
> & { data: Today; now: Date }) {
  const { t } = useTranslation();
  const { counts } = data;
  const sections: Section[] = [
    {
      id: 'today-late',
      title: t('today.sections.late'),
      icon: <AlertIcon size={20} />,
      tone: 'danger',
      total: counts.mineOverdue,
      kind: 'commitments',
      items: data.mine.overdue,
      countKey: 'today.promiseCount',
    },
    {
      id: 'today-due',
      title: t('today.sections.today'),
      icon: <SunIcon size={20} />,
      tone: 'default',
      total: counts.mineToday,
      kind: 'commitments',
      items: data.mine.today,
      countKey: 'today.promiseCount',
    },
    {
      id: 'today-theirs',
      title: t('today.sections.theirs'),
      icon: <PromiseIcon size={20} />,
      tone: 'default',
      total: counts.theirsOverdue + counts.theirsToday,
      kind: 'commitments',
      items: [...data.theirs.overdue, ...data.theirs.today],
      countKey: 'today.promiseCount',
    },
    {
      id: 'today-waiting',
      title: t('today.sections.waiting'),
      icon: <ReplyIcon size={20} />,
      tone: 'default',
      total: counts.awaitingReply,
      kind: 'interactions',
      items: data.awaitingReply,
      countKey: 'today.contactCount',
    },
    {
      id: 'today-quotes',
      title: t('today.sections.quotes'),
      icon: <NoteIcon size={20} />,
      tone: 'default',
      total: counts.quotesWaiting,
      kind: 'quotes',
      items: data.quotesWaiting,
      countKey: 'today.quoteCount',
    },
    {
      id: 'today-greetings',
      title: t('today.sections.greetings'),
      icon: <CalendarIcon size={20} />,
      tone: 'default',
      total: counts.greetings,
      kind: 'greetings',
      items: data.greetings,
      countKey: 'today.greetingCount',
    },
  ];
  const visible = sections.filter((s) => s.total > 0);
  const paymentsLate = renderPaymentsLate && data.paymentsOverdue.length > 0;
  const started = data.projectsStarted.length > 0;
  if (visible.length === 0 && !paymentsLate && !started)
    return <EmptyToday hasClients={hasClients} onLogContact={onLogContact} onAddPromise={onAddPromise} />;
  return (
    <Stack gap="md">
      {visible.map((section) => (
        <SectionCard
          key={section.id}
          id={section.id}
          title={section.title}
          icon={section.icon}
          tone={section.tone}
          count={t(section.countKey, { count: section.total })}
        >
          <SectionRows
            section={section}
            now={now}
            timeZone={data.timeZone}
            renderCommitment={renderCommitment}
            renderInteraction={renderInteraction}
            {...(onGreet ? { onGreet } : {})}
          />
        </SectionCard>
      ))}
      {paymentsLate && (
        <SectionCard
          id="today-payments"
          title={t('today.sections.paymentsLate')}
          icon={<AlertIcon size={20} />}
          tone="danger"
          count={t('today.paymentCount', { count: counts.paymentsOverdue })}
        >
          {renderPaymentsLate(data.paymentsOverdue)}
        </SectionCard>
      )}
      {started && (
        <SectionCard
          id="today-projects"
          title={t('today.sections.projectsStarted')}
          icon={<BriefcaseIcon size={20} />}
          count={t('today.projectCount', { count: counts.projectsStarted })}
        >
          <div role="list" aria-labelledby="today-projects">
            {data.projectsStarted.map((project) => (
              <div role="listitem" key={project.projectId}>
                <ProjectNextStepRow project={project} />
              </div>
            ))}
          </div>
        </SectionCard>
      )}
      {counts.mineOverdue + counts.mineToday === 0 && (
        <Group gap="xs" c="dimmed">
          <ClockIcon size={16} />
          <Text size="sm">{t('today.nothingMineToday')}</Text>
        </Group>
      )}
    </Stack>
  );
}

function SectionRows({
  section,
  now,
  timeZone,
  renderCommitment,
  renderInteraction,
  onGreet,
}: { section: Section; now: Date; timeZone: string } & Pick<
  Props,
  'renderCommitment' | 'renderInteraction' | 'onGreet'
>) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const [limit, setLimit] = useState(FIRST_ROWS);
  const shown = Math.min(limit, section.items.length);
  const hiddenCount = section.items.length - shown;
  return (
    <>
      <div role="list" aria-labelledby={section.id}>
        {section.kind === 'commitments' &&
          section.items.slice(0, shown).map((c) => (
            <div role="listitem" key={c.id}>
              {renderCommitment(c, now)}
            </div>
          ))}
        {section.kind === 'interactions' &&
          section.items.slice(0, shown).map((i) => (
            <div
              role="listitem"
              key={i.id}
              style={{ paddingBlock: 10, borderBlockEnd: '1px solid var(--mantine-color-gray-2)' }}
            >
              {renderInteraction(i, now)}
            </div>
          ))}
        {section.kind === 'quotes' &&
          section.items.slice(0, shown).map((q) => (
            <div role="listitem" key={q.id}>
              <QuoteWaitingRow quote={q} timeZone={timeZone} now={now} />
            </div>
          ))}
        {section.kind === 'greetings' &&
          section.items.slice(0, shown).map((g) => (
            <div role="listitem" key={`${g.clientId}-${g.kind}-${g.date}-${g.label ?? ''}`}>
              <GreetingRow greeting={g} timeZone={timeZone} now={now} {...(onGreet ? { onGreet } : {})} />
            </div>
          ))}
      </div>
      {hiddenCount > 0 && (
        <Button variant="subtle" size="sm" mt="xs" onClick={() => setLimit((n) => n + MORE_ROWS)}>
          {t('today.showMore', {
            count: Math.min(MORE_ROWS, hiddenCount),
            total: formatNumber(section.total, intlLocale),
          })}
        </Button>
      )}
      {section.total > section.items.length && hiddenCount === 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {section.items.length === 0
            ? t('today.cappedNone', { total: formatNumber(section.total, intlLocale) })
            : t('today.capped', {
                shown: formatNumber(section.items.length, intlLocale),
                total: formatNumber(section.total, intlLocale),
              })}
        </Text>
      )}
    </>
  );
}
