import { Badge, Button, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { importantDateKinds } from '../../../../shared/schemas/clients';
import type { Today } from '../../../../shared/schemas/insights';
import { Ltr, UserText } from '../../../components/ui/bidi';
import { CheckIcon, SendIcon } from '../../../components/ui/icons';
import { When } from '../../../components/ui/when';
import { formatShortDay, formatWeekday, formatAmount } from '../../../lib/format';
import { currentIntlLocale, currentLanguage } from '../../../lib/i18n';
import { formatHebrewDay } from '../../../../shared/time/hebrew-dates';
import { useWhen } from '../../../lib/use-when';
import { daysBetween, todayIn } from '../../../lib/zoned-dates';

export type QuoteWaiting = Today['quotesWaiting'][number];
export type Greeting = Today['greetings'][number];

const rowStyle = { paddingBlock: 10, borderBlockEnd: '1px solid var(--mantine-color-gray-2)' } as const;

/** A quote sent and not answered yet: who, what, since when, and whether they opened it. */
export function QuoteWaitingRow({ quote, timeZone, now }: { quote: QuoteWaiting; timeZone: string; now: Date }) {
  const { t } = useTranslation();
  const { ago } = useWhen(timeZone);
  const intlLocale = currentIntlLocale();
  const sent = quote.sentAt ? ago(quote.sentAt, now) : null;
  return (
    <div style={rowStyle}>
      <Group gap={6} wrap="wrap">
        <Link
          to="/quotes/$quoteId"
          params={{ quoteId: quote.id }}
          style={{ fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', color: 'var(--mantine-color-mila-8)' }}
        >
          {t('today.quote.number', { number: quote.number })}
        </Link>
        <Text size="sm">
          <UserText>{quote.title}</UserText>
        </Text>
        {quote.status === 'viewed' ? (
          <Badge size="sm" variant="light" color="blue" c="blue.9" radius="sm" leftSection={<CheckIcon size={12} />}>
            {t('today.quote.viewed')}
          </Badge>
        ) : (
          <Badge size="sm" variant="light" color="gray" c="dark.6" radius="sm" leftSection={<SendIcon size={12} />}>
            {t('today.quote.sent')}
          </Badge>
        )}
      </Group>
      <Group gap={6} wrap="wrap" mt={2}>
        <Link
          to="/clients/$clientId"
          params={{ clientId: quote.clientId }}
          style={{ fontWeight: 500, color: 'var(--mantine-color-mila-8)' }}
        >
          <UserText>{quote.clientName}</UserText>
        </Link>
        <Text size="sm">
          <Ltr>{formatAmount(quote.total, quote.currency)}</Ltr>
        </Text>
        {sent && (
          <Text size="sm" c="dimmed">
            {t('today.quote.sentAgo')} <When text={sent.text} exact={sent.exact} iso={quote.sentAt ?? ''} c="dimmed" />
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('today.quote.validUntil', { date: formatShortDay(quote.validUntil, intlLocale) })}
        </Text>
      </Group>
    </div>
  );
}

/** A birthday or anniversary this week: the greeting that keeps a good client close. */
export function GreetingRow({
  greeting,
  timeZone,
  now,
  onGreet,
}: {
  greeting: Greeting;
  timeZone: string;
  now: Date;
  onGreet?: (greeting: Greeting) => void;
}) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const language = currentLanguage();
  // A Hebrew date is shown as such, with the Gregorian day it falls on: י״ב באדר (1 במרץ).
  const shownDate = greeting.hebrew
    ? t('today.greeting.hebrewDate', {
        hebrew: formatHebrewDay(greeting.hebrew, language),
        date: formatShortDay(greeting.date, intlLocale),
      })
    : formatShortDay(greeting.date, intlLocale);
  const kind = importantDateKinds.find((k) => k === greeting.kind) ?? 'other';
  const days = daysBetween(todayIn(timeZone, now), greeting.date);
  const when =
    days === 0 ? t('when.todayTitle') : days === 1 ? t('duePicker.tomorrow') : formatWeekday(greeting.date, intlLocale);
  return (
    <div style={rowStyle}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {t(`importantDateKinds.${kind}`)}
        </Text>
        {greeting.label && (
          <Text size="sm">
            <UserText>{greeting.label}</UserText>
          </Text>
        )}
        <Link
          to="/clients/$clientId"
          params={{ clientId: greeting.clientId }}
          style={{ fontWeight: 500, color: 'var(--mantine-color-mila-8)' }}
        >
          <UserText>{greeting.clientName}</UserText>
        </Link>
      </Group>
      <Text size="sm" c="dimmed" mt={2}>
        <Text span fw={500} c="var(--mantine-color-text)">
          {when}
        </Text>
        {t('common.separator')}
        {shownDate}
        {greeting.years !== null && greeting.years > 0 && kind !== 'other' && (
          <>
            {t('common.separator')}
            {kind === 'birthday'
              ? t('clients.page.age', { count: greeting.years })
              : t('clients.page.yearsSince', { count: greeting.years })}
          </>
        )}
      </Text>
      {onGreet && (
        <Button
          variant="light"
          size="compact-sm"
          mt={6}
          leftSection={<SendIcon size={14} />}
          onClick={() => onGreet(greeting)}
          aria-label={t('today.greeting.sendTo', { name: greeting.clientName })}
        >
          {t('today.greeting.send')}
        </Button>
      )}
    </div>
  );
}
