import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HolidayGreetings, HolidayGreetingsSent } from '../../../../shared/schemas/greetings';
import type { SendChannel } from '../../../../shared/schemas/messages';
import { greetingHolidays, type GreetingHoliday } from '../../../../shared/time/hebrew-dates';
import { LabelledSegments } from '../../../components/ui/labelled-segments';
import { UserText } from '../../../components/ui/bidi';
import { AlertIcon, CheckIcon, ExternalIcon, MailIcon, WhatsAppIcon } from '../../../components/ui/icons';
import { formatDateTime, formatLongDay, formatRelativeDays } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { notifyError } from '../../../lib/notify';
import { useHolidayGreetings, useSendHolidayGreetings } from '../api/greeting-queries';

type Item = HolidayGreetings['items'][number];

type Props = {
  holiday: GreetingHoliday;
  onHolidayChange: (holiday: GreetingHoliday) => void;
  /** null: every client worth nurturing. */
  tag: string | null;
  onTagChange: (tag: string | null) => void;
  /** The client tags to choose a group by (from the clients feature, through the page). */
  tags: string[];
  timeZone: string;
};

/** The way out a greeting can take: the agreed channel when it has an address, else the other one. */
function channelFor(item: Item): SendChannel | null {
  if (item.channel === 'email') return item.canEmail ? 'email' : item.canPhone ? 'whatsapp' : null;
  return item.canPhone ? item.channel : item.canEmail ? 'email' : null;
}

/**
 * Rosh Hashana and Pesach greetings to a group of clients: each composed in the client's language,
 * reviewed here, then e-mailed (queued, never on Shabbat or the holiday) or opened in WhatsApp.
 */
export function HolidayGreetingsView({ holiday, onHolidayChange, tag, onTagChange, tags, timeZone }: Props) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const greetings = useHolidayGreetings(holiday, tag);
  const send = useSendHolidayGreetings();
  const [skipped, setSkipped] = useState<Set<string>>(new Set());
  const [sent, setSent] = useState<HolidayGreetingsSent | null>(null);
  useEffect(() => {
    setSkipped(new Set());
    setSent(null);
  }, [holiday, tag]);

  const items = useMemo(() => greetings.data?.items ?? [], [greetings.data]);
  const chosen = items.filter((i) => channelFor(i) !== null && !skipped.has(i.clientId));
  const names = new Map(items.map((i) => [i.clientId, i.clientName]));

  const submit = async () => {
    try {
      const result = await send.mutateAsync({
        holiday,
        items: chosen.map((i) => ({
          clientId: i.clientId,
          channel: channelFor(i)!,
          subject: i.subject,
          body: i.body,
        })),
      });
      setSent(result);
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <LabelledSegments
          label={t('greetings.holiday')}
          options={greetingHolidays.map((h) => ({ value: h, label: t(`greetings.holidays.${h}`) }))}
          value={holiday}
          onChange={onHolidayChange}
        />
        <Select
          label={t('greetings.group')}
          data={[
            { value: '', label: t('greetings.allNurtured') },
            ...[...new Set(tag ? [...tags, tag] : tags)].map((tg) => ({
              value: tg,
              label: t('greetings.tagGroup', { tag: tg }),
            })),
          ]}
          value={tag ?? ''}
          onChange={(value) => onTagChange(value ? value : null)}
          allowDeselect={false}
          w={240}
        />
      </Group>

      {greetings.isError ? (
        <Alert color="red" icon={<AlertIcon />} title={t('errors.title')}>
          {greetings.error.message}
        </Alert>
      ) : !greetings.data ? (
        <Skeleton height={200} radius="md" />
      ) : (
        <>
          <Text size="sm">
            {t('greetings.when', {
              holiday: t(`greetings.holidays.${holiday}`),
              year: greetings.data.hebrewYear,
              date: formatLongDay(greetings.data.date, intlLocale),
              relative: formatRelativeDays(greetings.data.daysAway, intlLocale),
            })}
          </Text>
          {greetings.data.sendsAt && (
            // Yellow text on the light yellow fails AA: the words stay dark, the colour is the frame.
            <Alert
              color="yellow"
              c="dark.7"
              icon={<AlertIcon />}
              title={t('greetings.restTitle')}
              styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
            >
              {t('greetings.restBody', { when: formatDateTime(greetings.data.sendsAt, intlLocale, timeZone) })}
            </Alert>
          )}
          {sent ? (
            <SentSummary sent={sent} names={names} timeZone={timeZone} />
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('greetings.noClients')}
            </Text>
          ) : (
            <>
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {items.map((item) => {
                  const channel = channelFor(item);
                  return (
                    <Paper component="li" key={item.clientId} withBorder radius="md" p="sm">
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <Checkbox
                          label={<UserText>{item.clientName}</UserText>}
                          description={<UserText>{item.subject}</UserText>}
                          checked={channel !== null && !skipped.has(item.clientId)}
                          disabled={channel === null}
                          onChange={(e) => {
                            const checked = e.currentTarget.checked;
                            setSkipped((prev) => {
                              const next = new Set(prev);
                              if (checked) next.delete(item.clientId);
                              else next.add(item.clientId);
                              return next;
                            });
                          }}
                        />
                        <Badge
                          variant="light"
                          color={channel === null ? 'red' : 'gray'}
                          c={channel === null ? 'red.9' : 'dark.7'}
                          radius="sm"
                          leftSection={
                            channel === 'email' ? <MailIcon size={12} /> : channel ? <WhatsAppIcon size={12} /> : null
                          }
                        >
                          {channel ? t(`greetings.channels.${channel}`) : t('greetings.noAddress')}
                        </Badge>
                      </Group>
                      <details style={{ marginTop: 6 }}>
                        <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>
                          {t('greetings.showMessage')}
                        </summary>
                        <Text
                          size="sm"
                          mt={4}
                          style={{ whiteSpace: 'pre-wrap' }}
                          dir={item.locale === 'he' ? 'rtl' : 'ltr'}
                        >
                          {item.body}
                        </Text>
                      </details>
                    </Paper>
                  );
                })}
              </Stack>
              {greetings.data.truncated && (
                <Text size="xs" c="dimmed">
                  {t('greetings.truncated')}
                </Text>
              )}
              <Group justify="flex-end">
                <Button onClick={() => void submit()} loading={send.isPending} disabled={chosen.length === 0}>
                  {t('greetings.send', { count: chosen.length })}
                </Button>
              </Group>
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function SentSummary({
  sent,
  names,
  timeZone,
}: {
  sent: HolidayGreetingsSent;
  names: Map<string, string>;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const emails = sent.items.filter((i) => i.message.channel === 'email').length;
  const links = sent.items.filter((i) => i.link);
  return (
    <Stack gap="sm">
      <Alert color="teal" icon={<CheckIcon />} title={t('greetings.sentTitle')} role="status">
        {emails > 0 &&
          (sent.scheduledFor
            ? t('greetings.emailsScheduled', {
                count: emails,
                when: formatDateTime(sent.scheduledFor, intlLocale, timeZone),
              })
            : t('greetings.emailsQueued', { count: emails }))}
        {links.length > 0 && <Text size="sm">{t('greetings.linksHint', { count: links.length })}</Text>}
      </Alert>
      {links.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {links.map((item) => (
            <li key={item.clientId}>
              <Anchor href={item.link!} target="_blank" rel="noreferrer" size="sm">
                <Group gap={4} component="span" wrap="nowrap">
                  <WhatsAppIcon size={14} />
                  {t('greetings.openFor')} <UserText>{names.get(item.clientId) ?? ''}</UserText>
                  <ExternalIcon size={12} />
                </Group>
              </Anchor>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
