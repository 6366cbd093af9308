import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { channels } from '../../../../shared/schemas/common';
import { formatMoney } from '../../../../shared/money';
import type { ChangeRequest, ScopeDecision } from '../../../../shared/schemas/projects';
import { UserText } from '../../../components/ui/bidi';
import { type Choice, ChoiceChips } from '../../../components/ui/choice-chips';
import { DuePicker } from '../../../components/ui/due-picker';
import { formatDateTime } from '../../../lib/format';
import { currentIntlLocale, currentLanguage } from '../../../lib/i18n';
import { parseAgorot } from '../../../lib/money-input';
import { notifyError } from '../../../lib/notify';
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
  const [what, setWhat] = useState('');
  const [channel, setChannel] = useState<Channel>('whatsapp');
  const [tried, setTried] = useState(false);
  const options: Choice<Channel>[] = channels.map((c) => ({ value: c, label: t(`channels.${c}`) }));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!what.trim()) return;
        create.mutate({ what: what.trim(), channel }, { onSuccess: onDone, onError: notifyError });
      }}
    >
      <Stack gap="md">
        <Textarea
          label={t('projects.changes.what')}
          required
          autosize
          minRows={2}
          value={what}
          onChange={(e) => setWhat(e.currentTarget.value)}
          error={tried && !what.trim() ? t('projects.changes.whatRequired') : undefined}
          dir="auto"
          data-autofocus
        />
        <ChoiceChips
          label={t('projects.changes.channel')}
          value={channel}
          options={options}
          onChange={setChannel}
          scroll
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('projects.changes.log')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
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
  const [decision, setDecision] = useState<ScopeDecision | null>(null);
  const [amount, setAmount] = useState('');
  const [colleagueId, setColleagueId] = useState<string | null>(null);
  const [day, setDay] = useState(today);
  const [time, setTime] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const options: Choice<ScopeDecision>[] = (
    ['goodwill', 'change_order', 'deterrent', 'subcontract', 'refer', 'decline'] as const
  ).map((d) => ({
    value: d,
    label: t(`projects.decision.${d}`),
  }));
  const withValue = decision === 'goodwill' || decision === 'change_order' || decision === 'deterrent';
  const withColleague = decision === 'subcontract' || decision === 'refer';
  const value = amount.trim() ? parseAgorot(amount) : null;
  const amountError =
    tried && (decision === 'deterrent' ? value === null : amount.trim() !== '' && value === null)
      ? t('projects.decision.amountInvalid')
      : undefined;
  const colleagueError = tried && withColleague && !colleagueId ? t('projects.decision.colleagueRequired') : undefined;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (
          !decision ||
          amountError ||
          (decision === 'deterrent' && value === null) ||
          (amount.trim() && value === null)
        )
          return;
        if (withColleague && !colleagueId) return;
        onNext({
          decision,
          ...(withValue && value !== null ? { value } : {}),
          ...(withColleague && colleagueId ? { colleagueId } : {}),
          ...(decision === 'change_order' && day ? { formalQuoteBy: { dueDate: day, dueTime: time } } : {}),
        });
      }}
    >
      <Stack gap="md">
        <ChoiceChips
          label={t('projects.decision.choose')}
          value={decision}
          options={options}
          onChange={setDecision}
          error={tried && !decision ? t('projects.decision.required') : undefined}
        />
        {decision && (
          <Text size="sm" c="dimmed">
            {t(`projects.decision.hint_${decision}`)}
          </Text>
        )}
        {withValue && (
          <TextInput
            w={220}
            label={t('projects.decision.amount', { currency })}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={amountError}
            dir="ltr"
          />
        )}
        {decision === 'change_order' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('projects.decision.formalQuoteBy')}
            </Text>
            <DuePicker day={day} time={time} onDayChange={setDay} onTimeChange={setTime} today={today} minDay={today} />
          </Stack>
        )}
        {withColleague && (
          <Select
            label={t('projects.decision.colleague')}
            placeholder={t('projects.decision.colleaguePlaceholder')}
            data={(colleagues.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.does})` }))}
            value={colleagueId}
            onChange={setColleagueId}
            error={colleagueError}
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
                {formatMoney(request.value, currency, currentLanguage())}
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
