import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Commitment, type CommitmentDirection, ZCreateCommitment } from '../../../../shared/schemas/commitments';
import { DuePicker } from '../../../components/ui/due-picker';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { todayIn } from '../../../lib/zoned-dates';
import { useCreateCommitment } from '../api/commitment-queries';
import { type RenderClientField, clientFieldOf } from '../../../lib/client-field';
import { LabelledSegments } from '../../../components/ui/labelled-segments';

type Values = {
  clientId: string | null;
  clientName: string | null;
  direction: CommitmentDirection;
  title: string;
  dueDate: string;
  dueTime: string | null;
  notes: string;
};

const toInput = ({ clientName: _clientName, clientId, ...rest }: Values) => ({
  ...rest,
  clientId: clientId ?? undefined,
});

type Props = {
  client: { id: string; name: string } | null;
  direction?: CommitmentDirection;
  timeZone: string;
  workDays: readonly number[];
  renderClientField: RenderClientField;
  onSaved: (commitment: Commitment) => void;
  onCancel: () => void;
};

/** A promise on its own, outside a logged contact: who promised what, and by when. */
export function CommitmentForm({
  client,
  direction = 'mine',
  timeZone,
  workDays,
  renderClientField,
  onSaved,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const create = useCreateCommitment();
  const today = todayIn(timeZone);
  const initialValues: Values = {
    clientId: client?.id ?? null,
    clientName: client?.name ?? null,
    direction,
    title: '',
    dueDate: today,
    dueTime: null,
    notes: '',
  };
  const form = useSchemaForm({ schema: ZCreateCommitment, toInput, initialValues });
  const { values } = form;

  const save = form.submit(async (input) => {
    const saved = await create.mutateAsync(input);
    notifySuccess(t('commitments.form.created'));
    onSaved(saved);
  });

  return (
    <form noValidate onSubmit={save} aria-label={t('commitments.form.title')}>
      <Stack gap="md">
        {renderClientField(clientFieldOf(form))}
        <LabelledSegments
          label={t('commitments.form.who')}
          value={values.direction}
          onChange={(direction) => form.set('direction', direction)}
          options={[
            { value: 'mine', label: t('commitments.form.mine') },
            { value: 'theirs', label: t('commitments.form.theirs') },
          ]}
        />
        <TextInput
          label={t('commitments.form.what')}
          placeholder={
            values.direction === 'mine'
              ? t('commitments.form.whatMinePlaceholder')
              : t('commitments.form.whatTheirsPlaceholder')
          }
          required
          data-autofocus={client ? true : undefined}
          value={values.title}
          onChange={(e) => form.set('title', e.currentTarget.value)}
          error={form.error('title')}
        />
        <DuePicker
          day={values.dueDate}
          time={values.dueTime}
          onDayChange={(dueDate) => form.set('dueDate', dueDate)}
          onTimeChange={(dueTime) => form.set('dueTime', dueTime)}
          today={today}
          workDays={workDays}
          dayError={form.error('dueDate')}
          timeError={form.error('dueTime')}
        />
        <Textarea
          label={t('commitments.form.notes')}
          description={t('common.optional')}
          autosize
          minRows={2}
          value={values.notes}
          onChange={(e) => form.set('notes', e.currentTarget.value)}
          error={form.error('notes')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('commitments.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
