import { Button, Group, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Ltr, UserText } from '../../../components/ui/bidi';
import { EditIcon, TrashIcon } from '../../../components/ui/icons';
import { formatLongDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { notifyError } from '../../../lib/notify';
import { localDayOf } from '../../../lib/zoned-dates';
import { type TimeEntry, ZCreateTimeEntry, ZUpdateTimeEntry } from '../../../../shared/schemas/payments';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useAddTimeEntry, useDeleteTimeEntry, useTimeEntries, useUpdateTimeEntry } from '../api/time-queries';
import { formatMinutes, parseDuration } from './duration';
import { DateField } from '../../../components/ui/date-field';

type EntryValues = { date: string; duration: string; note: string };
/** A correction always names the duration; the note may be cleared. */
const ZEditTimeEntry = ZUpdateTimeEntry.required({ minutes: true });

/**
 * Time spent on a project, or on a client (`projectId` null: all of the client's time, and time added
 * here belongs to no project): the entries, the total, and one added by hand.
 */
export function TimeEntries({
  clientId,
  projectId,
  today,
  timeZone,
}: {
  clientId: string;
  projectId: string | null;
  today: string;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const entries = useTimeEntries(clientId, projectId);
  const add = useAddTimeEntry();
  const remove = useDeleteTimeEntry();
  const [editing, setEditing] = useState<string | null>(null);
  const form = useSchemaForm({
    schema: ZCreateTimeEntry,
    initialValues: { date: today, duration: '', note: '' },
    toInput: (v: EntryValues) => ({
      clientId,
      ...(projectId ? { projectId } : {}),
      date: v.date,
      minutes: parseDuration(v.duration) ?? Number.NaN,
      note: v.note,
    }),
  });
  const { values } = form;
  if (entries.isError) return <Text c="red.9">{entries.error.message}</Text>;
  if (!entries.data) return <Skeleton height={60} />;
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600}>
        {t('time.total')}
        {t('common.labelSeparator')}
        <Ltr>{formatMinutes(entries.data.totalMinutes)}</Ltr>
      </Text>
      {entries.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('time.empty')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" aria-label={t('time.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {entries.data.items.map((entry) => (
            <Paper key={entry.id} component="li" withBorder radius="sm" px="xs" py={4}>
              {editing === entry.id ? (
                <EntryEditor entry={entry} onDone={() => setEditing(null)} />
              ) : (
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm">
                    {formatLongDay(localDayOf(entry.startedAt, timeZone), intl)}
                    {t('common.separator')}
                    {entry.running ? t('time.running') : <Ltr>{formatMinutes(entry.minutes ?? 0)}</Ltr>}
                    {entry.note ? (
                      <>
                        {t('common.separator')}
                        <UserText>{entry.note}</UserText>
                      </>
                    ) : null}
                  </Text>
                  {!entry.running && (
                    <Group gap={2} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={t('time.edit')}
                        onClick={() => setEditing(entry.id)}
                      >
                        <EditIcon size={14} />
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('time.delete')}
                        loading={remove.isPending && remove.variables === entry.id}
                        onClick={() => remove.mutate(entry.id, { onError: notifyError })}
                      >
                        <TrashIcon size={14} />
                      </Button>
                    </Group>
                  )}
                </Group>
              )}
            </Paper>
          ))}
        </Stack>
      )}
      <form
        noValidate
        onSubmit={form.submit(async (input) => {
          await add.mutateAsync(input);
          form.reset({ date: values.date, duration: '', note: '' });
        })}
      >
        <Group gap="sm" align="flex-end" wrap="wrap">
          <DateField
            w={170}
            label={t('time.date')}
            value={values.date}
            onChange={(value) => form.set('date', value)}
            error={form.error('date')}
          />
          <TextInput
            w={120}
            label={t('time.duration')}
            description={t('time.durationHint')}
            dir="ltr"
            value={values.duration}
            onChange={(e) => form.update('minutes', (v) => ({ ...v, duration: e.currentTarget.value }))}
            error={form.error('minutes') && t('time.durationInvalid')}
          />
          <TextInput
            style={{ flex: '1 1 10rem' }}
            label={t('time.note')}
            dir="auto"
            value={values.note}
            onChange={(e) => form.set('note', e.currentTarget.value)}
            error={form.error('note')}
          />
          <Button type="submit" variant="light" loading={form.submitting}>
            {t('time.add')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

/** Corrects one entry's duration and note in place. */
function EntryEditor({ entry, onDone }: { entry: TimeEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateTimeEntry();
  const form = useSchemaForm({
    schema: ZEditTimeEntry,
    initialValues: { duration: formatMinutes(entry.minutes ?? 0), note: entry.note ?? '' },
    toInput: (v: { duration: string; note: string }) => ({
      minutes: parseDuration(v.duration) ?? Number.NaN,
      note: v.note,
    }),
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async ({ minutes, note }) => {
        await update.mutateAsync({ id: entry.id, minutes, note: note ?? null });
        onDone();
      })}
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          w={110}
          size="xs"
          label={t('time.editDuration')}
          dir="ltr"
          value={form.values.duration}
          onChange={(e) => form.update('minutes', (v) => ({ ...v, duration: e.currentTarget.value }))}
          error={form.error('minutes') && t('time.durationInvalid')}
        />
        <TextInput
          style={{ flex: '1 1 8rem' }}
          size="xs"
          label={t('time.editNote')}
          dir="auto"
          value={form.values.note}
          onChange={(e) => form.set('note', e.currentTarget.value)}
          error={form.error('note')}
        />
        <Button type="submit" size="xs" loading={form.submitting}>
          {t('actions.save')}
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          {t('actions.cancel')}
        </Button>
      </Group>
    </form>
  );
}
