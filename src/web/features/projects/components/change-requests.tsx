import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { channels } from '../../../../shared/schemas/common';
import {
  type ChangeRequest,
  type ScopeDecision,
  ZComposeScope,
  ZCreateChangeRequest,
  scopeDecisions,
} from '../../../../shared/schemas/projects';
import { UserText } from '../../../components/ui/bidi';
import { type Choice, ChoiceChips } from '../../../components/ui/choice-chips';
import { DuePicker } from '../../../components/ui/due-picker';
import { formatDateTime, formatAmount } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { parseAgorot } from '../../../lib/money-input';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useColleagues, useCreateChangeRequest } from '../api/project-queries';
import type { ScopeAnswerInput } from '../api/projects-api';

type Channel = (typeof channels)[number];

/** "The client asked for more": what, and how it reached me. */
export function LogChangeRequestForm({
  projectId,
  onDone,
  onCancel,
}: {
  projectId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateChangeRequest(projectId);
  const form = useSchemaForm({
    schema: ZCreateChangeRequest,
    initialValues: { what: '', channel: 'whatsapp' as Channel },
  });
  const options: Choice<Channel>[] = channels.map((c) => ({ value: c, label: t(`channels.${c}`) }));
  return (
    <form
      noValidate
      onSubmit={form.submit(async (input) => {
        await create.mutateAsync(input);
        onDone();
      })}
    >
      <Stack gap="md">
        <Textarea
          label={t('projects.changes.what')}
          required
          autosize
          minRows={2}
          value={form.values.what}
          onChange={(e) => form.set('what', e.currentTarget.value)}
          error={form.error('what') && t('projects.changes.whatRequired')}
          dir="auto"
          data-autofocus
        />
        <ChoiceChips
          label={t('projects.changes.channel')}
          value={form.values.channel}
          options={options}
          onChange={(channel) => form.set('channel', channel)}
          scroll
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('projects.changes.log')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type ScopeValues = {
  decision: ScopeDecision | null;
  amount: string;
  colleagueId: string | null;
  day: string;
  time: string | null;
};

const withValue = (d: ScopeDecision | null) => d === 'goodwill' || d === 'change_order' || d === 'deterrent';
const withColleague = (d: ScopeDecision | null) => d === 'subcontract' || d === 'refer';

/** What the answer needs beyond its shape: a deterrent names its price, a referral its colleague. */
const ZScopeForm = ZComposeScope.superRefine((answer, ctx) => {
  if (answer.decision === 'deterrent' && answer.value === undefined)
    ctx.addIssue({ code: 'custom', message: 'required', path: ['value'] });
  if (withColleague(answer.decision) && !answer.colleagueId)
    ctx.addIssue({ code: 'custom', message: 'required', path: ['colleagueId'] });
});

function scopeToInput(v: ScopeValues): unknown {
  return {
    decision: v.decision,
    value: withValue(v.decision) && v.amount.trim() ? (parseAgorot(v.amount) ?? Number.NaN) : undefined,
    colleagueId: withColleague(v.decision) ? (v.colleagueId ?? undefined) : undefined,
    formalQuoteBy: v.decision === 'change_order' && v.day ? { dueDate: v.day, dueTime: v.time } : undefined,
  };
}

/** Out of scope: what I do about it. Money comes in shekels. */
export function ScopeDecisionForm({
  today,
  currency,
  onNext,
  onCancel,
}: {
  today: string;
  currency: string;
  onNext: (input: ScopeAnswerInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const colleagues = useColleagues();
  const form = useSchemaForm({
    schema: ZScopeForm,
    initialValues: { decision: null, amount: '', colleagueId: null, day: today, time: null } as ScopeValues,
    toInput: scopeToInput,
  });
  const { decision, amount, colleagueId, day, time } = form.values;
  const options: Choice<ScopeDecision>[] = scopeDecisions.map((d) => ({
    value: d,
    label: t(`projects.decision.${d}`),
  }));
  return (
    <form noValidate onSubmit={form.submit((answer) => onNext(answer))}>
      <Stack gap="md">
        <ChoiceChips
          label={t('projects.decision.choose')}
          value={decision}
          options={options}
          onChange={(next) => form.set('decision', next)}
          error={form.error('decision') && t('projects.decision.required')}
        />
        {decision && (
          <Text size="sm" c="dimmed">
            {t(`projects.decision.hint_${decision}`)}
          </Text>
        )}
        {withValue(decision) && (
          <TextInput
            w={220}
            label={t('projects.decision.amount', { currency })}
            inputMode="decimal"
            value={amount}
            onChange={(e) => form.update('value', (v) => ({ ...v, amount: e.currentTarget.value }))}
            error={form.error('value') && t('projects.decision.amountInvalid')}
            dir="ltr"
          />
        )}
        {decision === 'change_order' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('projects.decision.formalQuoteBy')}
            </Text>
            <DuePicker
              day={day}
              time={time}
              onDayChange={(next) => form.set('day', next)}
              onTimeChange={(next) => form.set('time', next)}
              today={today}
              minDay={today}
            />
          </Stack>
        )}
        {withColleague(decision) && (
          <Select
            label={t('projects.decision.colleague')}
            placeholder={t('projects.decision.colleaguePlaceholder')}
            data={(colleagues.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.does})` }))}
            value={colleagueId}
            onChange={(next) => form.set('colleagueId', next)}
            error={form.error('colleagueId') && t('projects.decision.colleagueRequired')}
            nothingFoundMessage={t('projects.decision.noColleagues')}
            description={(colleagues.data ?? []).length === 0 ? t('projects.decision.noColleagues') : undefined}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit">{t('projects.decision.writeAnswer')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One request: what was asked, and either the two scope buttons or what I decided. */
export function ChangeRequestItem({
  request,
  timeZone,
  currency,
  busy,
  onInScope,
  onOutOfScope,
}: {
  request: ChangeRequest;
  timeZone: string;
  currency: string;
  busy: boolean;
  onInScope: () => void;
  onOutOfScope: () => void;
}) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const decided = request.inScope !== null;
  return (
    <Paper component="li" withBorder radius="sm" p="xs">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          <UserText>{request.what}</UserText>
        </Text>
        <Text size="xs" c="dimmed">
          {t(`channels.${request.channel}`)}
          {t('common.separator')}
          {formatDateTime(request.requestedAt, intl, timeZone)}
        </Text>
        {decided ? (
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={request.inScope ? 'teal' : 'orange'} c="dark.8" radius="sm">
              {request.inScope
                ? t('projects.changes.inScope')
                : t(`projects.decision.${request.decision ?? 'decline'}`)}
            </Badge>
            {request.value !== null && (
              <Text size="sm">
                {t('projects.changes.value')}
                {t('common.labelSeparator')}
                {formatAmount(request.value, currency)}
              </Text>
            )}
            {request.quoteId && (
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link to="/quotes/$quoteId" params={{ quoteId: request.quoteId ?? '' }} {...props} />
                )}
              >
                {t('projects.changes.openQuote')}
              </Anchor>
            )}
          </Group>
        ) : (
          <Group gap="xs">
            <Button size="compact-sm" variant="default" loading={busy} onClick={onInScope}>
              {t('projects.changes.inScope')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={onOutOfScope}>
              {t('projects.changes.outOfScope')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
