import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/schemas/common';
import { ZCreateInteraction } from '../../../../shared/schemas/interactions';
import { ChoiceChips } from '../../../components/ui/choice-chips';
import { DuePicker } from '../../../components/ui/due-picker';
import { PlusIcon, TrashIcon } from '../../../components/ui/icons';
import { TimeSelect } from '../../../components/ui/time-select';
import { useChannelOptions } from '../../../lib/option-labels';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { clockNow, todayIn } from '../../../lib/zoned-dates';
import type { InteractionCreated } from '../api/interactions-api';
import { useLogInteraction } from '../api/interaction-queries';
import {
  type LogContactValues,
  MAX_PROMISES,
  type PromiseValues,
  emptyPromise,
  toInteractionInput,
} from './log-contact-values';
import { LabelledSegments } from '../../../components/ui/labelled-segments';
import { type RenderClientField, clientFieldOf } from '../../../lib/client-field';
import { DateField } from '../../../components/ui/date-field';

export type LogContactDefaults = {
  client?: { id: string; name: string } | null;
  channel?: Channel;
  direction?: 'in' | 'out';
  /** Start with one empty promise row ("promised: …"). */
  withPromise?: boolean;
};

type Props = LogContactDefaults & {
  timeZone: string;
  workDays: readonly number[];
  /** The client picker belongs to the clients feature: the page passes it in. */
  renderClientField: RenderClientField;
  onSaved: (created: InteractionCreated) => void;
  onCancel: () => void;
};

/**
 * Log a contact in a few taps: who, how, which way, when (now unless changed), what was said,
 * and the promises made in it — all saved in one step.
 */
export function LogContactForm({
  client = null,
  channel = 'phone',
  direction = 'out',
  withPromise = false,
  timeZone,
  workDays,
  renderClientField,
  onSaved,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const channelOptions = useChannelOptions();
  const logInteraction = useLogInteraction();
  const today = todayIn(timeZone);

  const toInput = useCallback((v: LogContactValues) => toInteractionInput(v, timeZone), [timeZone]);

  const initialValues: LogContactValues = {
    clientId: client?.id ?? null,
    clientName: client?.name ?? null,
    channel,
    direction,
    day: today,
    time: clockNow(timeZone),
    summary: '',
    agreed: '',
    nextSteps: '',
    needsReply: channel !== 'meeting',
    commitments: withPromise ? [emptyPromise(today)] : [],
  };
  const form = useSchemaForm({ schema: ZCreateInteraction, toInput, initialValues });
  const { values } = form;
  const meeting = values.channel === 'meeting';

  const setPromise = (index: number, patch: Partial<PromiseValues>, field: string) =>
    form.update(`commitments.${index}.${field}`, (v) => ({
      ...v,
      commitments: v.commitments.map((p, i) => (i === index ? { ...p, ...patch } : p)),
    }));

  const save = form.submit(async (input) => {
    const created = await logInteraction.mutateAsync(input);
    onSaved(created);
  });

  return (
    <form noValidate onSubmit={save} aria-label={t('interactions.form.title')}>
      <Stack gap="md">
        {renderClientField(clientFieldOf(form))}
        <ChoiceChips
          label={t('interactions.form.channel')}
          value={values.channel}
          options={channelOptions}
          onChange={(next) => form.update('channel', (v) => ({ ...v, channel: next, needsReply: next !== 'meeting' }))}
          error={form.error('channel')}
        />
        <LabelledSegments
          label={t('interactions.form.direction')}
          value={values.direction}
          onChange={(direction) => form.set('direction', direction)}
          options={[
            { value: 'out', label: t('interactions.form.out') },
            { value: 'in', label: t('interactions.form.in') },
          ]}
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <DateField
            label={t('interactions.form.day')}
            value={values.day}
            max={today}
            onChange={(value) => form.set('day', value)}
            error={form.error('occurredAt')}
            w={170}
          />
          <div style={{ inlineSize: 140 }}>
            <TimeSelect
              label={t('interactions.form.time')}
              value={values.time}
              onChange={(time) => form.set('time', time)}
              visibleLabel
            />
          </div>
        </Group>
        <Textarea
          label={meeting ? t('interactions.form.meetingSummary') : t('interactions.form.summary')}
          placeholder={t('interactions.form.summaryPlaceholder')}
          autosize
          minRows={2}
          value={values.summary}
          onChange={(e) => form.set('summary', e.currentTarget.value)}
          error={form.error('summary')}
        />
        {meeting && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('interactions.form.agreed')}
              autosize
              minRows={3}
              value={values.agreed}
              onChange={(e) => form.set('agreed', e.currentTarget.value)}
              error={form.error('agreed')}
            />
            <Textarea
              label={t('interactions.form.nextSteps')}
              autosize
              minRows={3}
              value={values.nextSteps}
              onChange={(e) => form.set('nextSteps', e.currentTarget.value)}
              error={form.error('nextSteps')}
            />
          </SimpleGrid>
        )}
        {values.direction === 'in' && (
          <Checkbox
            label={t('interactions.form.needsReply')}
            description={t('interactions.form.needsReplyHint')}
            checked={values.needsReply}
            onChange={(e) => form.set('needsReply', e.currentTarget.checked)}
          />
        )}

        <Fieldset legend={t('interactions.form.promised')} variant="filled" radius="md" p="sm">
          <Stack gap="sm">
            {values.commitments.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('interactions.form.promisedHint')}
              </Text>
            )}
            {values.commitments.map((promise, index) => {
              const path = `commitments.${index}`;
              const n = values.commitments.length > 1 ? String(index + 1) : undefined;
              return (
                <Stack
                  key={promise.key}
                  role="group"
                  aria-label={t('interactions.form.promiseN', { n: index + 1 })}
                  gap="xs"
                  p="sm"
                  bg="var(--mantine-color-body)"
                  style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-gray-3)' }}
                >
                  <Group gap="sm" align="flex-end" wrap="nowrap">
                    <TextInput
                      style={{ flex: 1 }}
                      label={n ? t('interactions.form.promiseTitleN', { n }) : t('interactions.form.promiseTitle')}
                      placeholder={
                        promise.direction === 'mine'
                          ? t('commitments.form.whatMinePlaceholder')
                          : t('commitments.form.whatTheirsPlaceholder')
                      }
                      required
                      value={promise.title}
                      onChange={(e) => setPromise(index, { title: e.currentTarget.value }, 'title')}
                      error={form.error(`${path}.title`)}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      mb={form.error(`${path}.title`) ? 22 : 2}
                      aria-label={t('interactions.form.removePromise', { n: index + 1 })}
                      onClick={() =>
                        form.update(null, (v) => ({ ...v, commitments: v.commitments.filter((_, i) => i !== index) }))
                      }
                    >
                      <TrashIcon size={18} />
                    </ActionIcon>
                  </Group>
                  <LabelledSegments
                    label={n ? t('interactions.form.whoPromisedN', { n }) : t('interactions.form.whoPromised')}
                    size="xs"
                    value={promise.direction}
                    onChange={(direction) => setPromise(index, { direction }, 'direction')}
                    options={[
                      { value: 'mine', label: t('commitments.form.mine') },
                      { value: 'theirs', label: t('commitments.form.theirs') },
                    ]}
                  />
                  <DuePicker
                    day={promise.dueDate}
                    time={promise.dueTime}
                    onDayChange={(dueDate) => setPromise(index, { dueDate }, 'dueDate')}
                    onTimeChange={(dueTime) => setPromise(index, { dueTime }, 'dueTime')}
                    today={today}
                    workDays={workDays}
                    dayError={form.error(`${path}.dueDate`)}
                    timeError={form.error(`${path}.dueTime`)}
                    {...(n ? { labelSuffix: n } : {})}
                  />
                </Stack>
              );
            })}
            {values.commitments.length < MAX_PROMISES && (
              <div>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<PlusIcon size={16} />}
                  onClick={() =>
                    form.update(null, (v) => ({ ...v, commitments: [...v.commitments, emptyPromise(today)] }))
                  }
                >
                  {values.commitments.length === 0
                    ? t('interactions.form.addPromise')
                    : t('interactions.form.addAnotherPromise')}
                </Button>
              </div>
            )}
          </Stack>
        </Fieldset>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('interactions.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
