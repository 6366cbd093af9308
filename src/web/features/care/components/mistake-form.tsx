import { Button, Group, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Incident, ZCreateIncident, incidentCauses, incidentStatuses } from '../../../../shared/schemas/care';
import { ChoiceChips } from '../../../components/ui/choice-chips';
import { LabelledSegments } from '../../../components/ui/labelled-segments';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useCreateIncident, useUpdateIncident } from '../api/care-queries';
import { type MistakeValues, mistakeToInput, mistakeValues } from './mistake-values';
import { DateField } from '../../../components/ui/date-field';

/** Field names as constants: what `text()` binds (literal arguments in JSX read as visible text to lint). */
const F = {
  title: 'title',
  outline: 'outline',
  causeDetails: 'causeDetails',
  fix: 'fix',
  prevention: 'prevention',
  compensation: 'compensation',
  compensationAmount: 'compensationAmount',
  clientReaction: 'clientReaction',
} as const satisfies Record<string, keyof MistakeValues>;

type Props = {
  clientId: string;
  projectId: string | null;
  /** Set when editing. */
  incident: Incident | null;
  currency: string;
  onSaved: (incident: Incident) => void;
  onCancel: () => void;
};

function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={3} size="h6" id={id} c="dimmed">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Seed 003: before the call, write what happened, why, how it is fixed now and how it won't happen again. */
export function MistakeForm({ clientId, projectId, incident, currency, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const create = useCreateIncident();
  const update = useUpdateIncident();
  const form = useSchemaForm({
    schema: ZCreateIncident,
    initialValues: mistakeValues(incident),
    toInput: mistakeToInput(clientId, incident?.projectId ?? projectId),
  });
  const { values } = form;
  const text = (key: keyof MistakeValues) => ({
    value: values[key],
    dir: 'auto' as const,
    onChange: (e: { currentTarget: { value: string } }) => form.set(key, e.currentTarget.value),
    error: form.error(key),
  });

  const submit = form.submit(async ({ clientId: _clientId, ...data }) => {
    const saved = incident
      ? await update.mutateAsync({ id: incident.id, input: data })
      : await create.mutateAsync({ clientId, ...data });
    notifySuccess(incident ? t('care.mistakes.saved') : t('care.mistakes.recorded'));
    onSaved(saved);
  });

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={incident ? t('care.mistakes.editTitle') : t('care.mistakes.newTitle')}
    >
      <Stack gap="lg">
        <Part title={t('care.mistakes.partWhat')}>
          <TextInput label={t('care.mistakes.fields.title')} required data-autofocus {...text(F.title)} />
          <Textarea
            label={t('care.mistakes.fields.outline')}
            description={t('care.mistakes.fields.outlineHint')}
            autosize
            minRows={2}
            {...text(F.outline)}
          />
        </Part>
        <Part title={t('care.mistakes.partWhy')}>
          <ChoiceChips
            label={t('care.mistakes.fields.cause')}
            value={values.cause}
            options={incidentCauses.map((c) => ({ value: c, label: t(`care.mistakes.cause.${c}`) }))}
            onChange={(cause) => form.set('cause', cause)}
            error={form.error('cause')}
          />
          <Textarea label={t('care.mistakes.fields.causeDetails')} autosize minRows={2} {...text(F.causeDetails)} />
        </Part>
        <Part title={t('care.mistakes.partFix')}>
          <Textarea label={t('care.mistakes.fields.fix')} autosize minRows={2} {...text(F.fix)} />
          <DateField
            label={t('care.mistakes.fields.fixBy')}
            value={values.fixBy}
            onChange={(value) => form.set('fixBy', value)}
            description={t('common.optional')}
            clearable
            error={form.error('fixBy')}
            w={220}
          />
          <Textarea
            label={t('care.mistakes.fields.prevention')}
            description={t('care.mistakes.fields.preventionHint')}
            autosize
            minRows={2}
            {...text(F.prevention)}
          />
        </Part>
        <Part title={t('care.mistakes.partCompensation')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('care.mistakes.fields.compensation')} {...text(F.compensation)} />
            <TextInput
              label={t('care.mistakes.fields.compensationAmount', { currency })}
              description={t('care.mistakes.fields.compensationAmountHint')}
              inputMode="decimal"
              {...text(F.compensationAmount)}
              dir="ltr"
              error={form.error('compensationAmount') && t('care.mistakes.amountInvalid')}
            />
          </SimpleGrid>
        </Part>
        <Part title={t('care.mistakes.partAfter')}>
          <LabelledSegments
            label={t('care.mistakes.fields.status')}
            value={values.status}
            options={incidentStatuses.map((s) => ({ value: s, label: t(`care.mistakes.status.${s}`) }))}
            onChange={(status) => form.set('status', status)}
          />
          <Textarea label={t('care.mistakes.fields.clientReaction')} autosize minRows={2} {...text(F.clientReaction)} />
        </Part>
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {incident ? t('actions.save') : t('care.mistakes.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
