import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Commitment, ZRenegotiateCommitment } from '../../../../shared/schemas/commitments';
import { UserText } from '../../../components/ui/bidi';
import { DuePicker } from '../../../components/ui/due-picker';
import { SendIcon } from '../../../components/ui/icons';
import { When } from '../../../components/ui/when';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useNow, useWhen } from '../../../lib/use-when';
import { addDays, instantOf, todayIn } from '../../../lib/zoned-dates';
import { useRenegotiateCommitment } from '../api/commitment-queries';

export type NewDue = { dueDate: string; dueTime: string | null; reason: string };

type Props = {
  commitment: Commitment;
  timeZone: string;
  workDays: readonly number[];
  /** Values to start from when coming back from the message. */
  initial?: NewDue | undefined;
  /** Continue to the message composer with the new time (my promises only). */
  onWriteMessage: (due: NewDue) => void;
  onDone: () => void;
  onCancel: () => void;
};

/**
 * "I haven't forgotten you": pick the new time first; the message that says so is written next
 * (or the date alone changes). A client's promise only gets a new date.
 */
export function RenegotiateForm({ commitment, timeZone, workDays, initial, onWriteMessage, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const { due } = useWhen(timeZone);
  const renegotiate = useRenegotiateCommitment();
  const today = todayIn(timeZone);
  const mine = commitment.direction === 'mine';

  // The server refuses a new time in the past; say so while choosing, not after sending.
  const schema = useMemo(
    () =>
      ZRenegotiateCommitment.superRefine((value, ctx) => {
        const at = instantOf(value.dueDate, value.dueTime, timeZone);
        if (at && at.getTime() <= Date.now())
          ctx.addIssue({ code: 'custom', message: 'in_past', path: [value.dueTime ? 'dueTime' : 'dueDate'] });
      }),
    [timeZone],
  );
  const form = useSchemaForm({
    schema,
    initialValues: initial ?? { dueDate: addDays(today, 1), dueTime: commitment.dueTime, reason: '' },
  });
  const { values } = form;
  const current = due(commitment, now);

  const dateOnly = form.submit(async (input) => {
    await renegotiate.mutateAsync({
      id: commitment.id,
      body: { dueDate: input.dueDate, dueTime: input.dueTime, reason: input.reason },
    });
    notifySuccess(t('commitments.renegotiate.moved'));
    onDone();
  });

  return (
    <form
      noValidate
      aria-label={mine ? t('commitments.renegotiate.title') : t('commitments.renegotiate.titleTheirs')}
      onSubmit={mine ? form.submit(() => onWriteMessage(values)) : dateOnly}
    >
      <Stack gap="md">
        <Paper withBorder radius="sm" p="sm" bg="gray.0">
          <Text size="sm" fw={600}>
            <UserText>{commitment.title}</UserText>
          </Text>
          <Group gap={6} wrap="wrap">
            <Text size="sm" c="dimmed">
              <UserText>{commitment.clientName}</UserText>
            </Text>
            <Text size="sm" c="dimmed" aria-hidden="true">
              {t('common.separator')}
            </Text>
            <Text size="sm" c={current.late ? 'red.9' : 'dimmed'} fw={current.late ? 600 : undefined}>
              {t('commitments.renegotiate.wasDue')}{' '}
              <When text={current.text} exact={current.exact} iso={commitment.dueAt} />
            </Text>
          </Group>
        </Paper>
        {mine && (
          <Text size="sm" c="dimmed">
            {t('commitments.renegotiate.intro')}
          </Text>
        )}
        <DuePicker
          day={values.dueDate}
          time={values.dueTime}
          onDayChange={(dueDate) => form.set('dueDate', dueDate)}
          onTimeChange={(dueTime) => form.update('dueTime', (v) => ({ ...v, dueTime }))}
          today={today}
          minDay={today}
          workDays={workDays}
          dayError={form.error('dueDate')}
          timeError={form.error('dueTime')}
        />
        <Textarea
          label={t('commitments.renegotiate.reason')}
          description={mine ? t('commitments.renegotiate.reasonHint') : t('common.optional')}
          autosize
          minRows={2}
          maxLength={500}
          value={values.reason}
          onChange={(e) => form.set('reason', e.currentTarget.value)}
          error={form.error('reason')}
        />
        <Group justify="flex-end" gap="sm" wrap="wrap">
          <Button variant="subtle" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          {mine ? (
            <>
              <Button variant="default" onClick={() => dateOnly()} loading={renegotiate.isPending}>
                {t('commitments.renegotiate.dateOnly')}
              </Button>
              <Button type="submit" leftSection={<SendIcon size={16} />}>
                {t('commitments.renegotiate.writeMessage')}
              </Button>
            </>
          ) : (
            <Button type="submit" loading={form.submitting}>
              {t('commitments.renegotiate.saveDate')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
