import { Alert, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared/schemas/commitments';
import { type Project, ZAddMaterial, ZComposeDelay, ZSetTarget } from '../../../../shared/schemas/projects';
import { UserText } from '../../../components/ui/bidi';
import { type Choice, ChoiceChips } from '../../../components/ui/choice-chips';
import { AlertIcon, CheckIcon, MessageIcon } from '../../../components/ui/icons';
import { formatDateTime, formatLongDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useAddMaterial, useSetProjectTarget, useUpdateDeliverable } from '../api/project-queries';
import type { DelayCause, DelayInput } from '../api/projects-api';
import { DateField } from '../../../components/ui/date-field';

/** Late in words and with an icon, not only red. */
function DueLine({ commitment }: { commitment: Commitment }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const date = formatLongDay(commitment.dueDate, intl);
  if (commitment.status === 'kept' || commitment.status === 'kept_late')
    return (
      <Text size="sm" c="teal.9" span>
        <CheckIcon size={14} /> {t('projects.done')}
      </Text>
    );
  if (commitment.overdue)
    return (
      <Text size="sm" c="red.9" fw={600} span>
        <AlertIcon size={14} /> {t('projects.lateSince', { date })}
      </Text>
    );
  return (
    <Text size="sm" c="dimmed" span>
      {t('projects.dueOn', { date })}
    </Text>
  );
}

/** The target date: set it once here; afterwards a slip goes through "Reschedule". */
export function DeliveryBlock({ project, onReschedule }: { project: Project; onReschedule: () => void }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const setTarget = useSetProjectTarget(project.id);
  const form = useSchemaForm({ schema: ZSetTarget, initialValues: { targetDate: '' } });
  if (!project.targetDate) {
    return (
      <form
        noValidate
        onSubmit={form.submit(async ({ targetDate }) => {
          await setTarget.mutateAsync(targetDate);
          notifySuccess(t('projects.target.saved'));
        })}
      >
        <Stack gap="xs">
          <Text size="sm">{t('projects.target.none')}</Text>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <DateField
              w={220}
              label={t('projects.target.label')}
              value={form.values.targetDate}
              onChange={(value) => form.set('targetDate', value)}
              error={form.error('targetDate') && t('projects.target.required')}
            />
            <Button type="submit" loading={form.submitting}>
              {t('projects.target.set')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('projects.target.label')}
        {t('common.labelSeparator')}
        <Text span fw={700}>
          {formatLongDay(project.targetDate, intl)}
        </Text>
      </Text>
      {project.delivery && (
        <Text size="sm">
          {t('projects.deliveryPromise')}
          {t('common.labelSeparator')}
          <DueLine commitment={project.delivery} />
        </Text>
      )}
      <div>
        <Button variant="default" onClick={onReschedule}>
          {t('projects.reschedule.open')}
        </Button>
      </div>
    </Stack>
  );
}

/** Each deliverable: done or not (a tap), and its own target date when it has one. */
export function DeliverablesList({ project }: { project: Project }) {
  const { t } = useTranslation();
  const update = useUpdateDeliverable(project.id);
  if (project.deliverables.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('projects.deliverables.empty')}
      </Text>
    );
  return (
    <Stack
      gap={6}
      component="ul"
      aria-label={t('projects.deliverables.title')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {project.deliverables.map((d) => (
        <Group key={d.id} component="li" justify="space-between" gap="xs" wrap="wrap">
          <Checkbox
            label={<UserText>{d.title}</UserText>}
            checked={d.status === 'done'}
            onChange={(event) =>
              update.mutate(
                { deliverableId: d.id, status: event.currentTarget.checked ? 'done' : 'open' },
                { onError: notifyError },
              )
            }
          />
          <DateField
            size="xs"
            w={150}
            clearable
            aria-label={t('projects.deliverables.targetFor', { title: d.title })}
            value={d.targetDate ?? ''}
            onChange={(value) =>
              update.mutate({ deliverableId: d.id, targetDate: value || null }, { onError: notifyError })
            }
          />
        </Group>
      ))}
    </Stack>
  );
}

/** What the client owes me for this project, by when: ask for it, or mark it received. */
export function MaterialsList({
  project,
  onAsk,
  onReceived,
  busyId,
}: {
  project: Project;
  onAsk: (material: Commitment) => void;
  onReceived: (material: Commitment) => void;
  busyId: string | null;
}) {
  const { t } = useTranslation();
  const add = useAddMaterial(project.id);
  const form = useSchemaForm({ schema: ZAddMaterial, initialValues: { what: '', dueDate: '' } });
  return (
    <Stack gap="sm">
      {project.materials.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('projects.materials.empty')}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t('projects.materials.title')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {project.materials.map((m) => (
            <Paper key={m.id} component="li" withBorder radius="sm" p="xs">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    <UserText>{m.title}</UserText>
                  </Text>
                  <DueLine commitment={m} />
                </Stack>
                {(m.status === 'open' || m.status === 'renegotiated') && (
                  <Group gap="xs">
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<MessageIcon size={14} />}
                      onClick={() => onAsk(m)}
                    >
                      {t('projects.materials.ask')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      leftSection={<CheckIcon size={14} />}
                      loading={busyId === m.id}
                      onClick={() => onReceived(m)}
                    >
                      {t('projects.materials.received')}
                    </Button>
                  </Group>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <form
        noValidate
        onSubmit={form.submit(async (input) => {
          await add.mutateAsync(input);
          form.reset({ what: '', dueDate: '' });
        })}
      >
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            style={{ flex: '1 1 14rem' }}
            label={t('projects.materials.what')}
            value={form.values.what}
            onChange={(e) => form.set('what', e.currentTarget.value)}
            error={form.error('what') && t('projects.materials.whatRequired')}
            dir="auto"
          />
          <DateField
            w={180}
            label={t('projects.materials.by')}
            value={form.values.dueDate}
            onChange={(value) => form.set('dueDate', value)}
            error={form.error('dueDate') && t('projects.target.required')}
          />
          <Button type="submit" variant="light" loading={form.submitting}>
            {t('projects.materials.add')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

type DelayValues = { cause: DelayCause | null; statusText: string; newTargetDate: string };

/** A slip: why (mine counts against my word; the client's or external do not), where things stand, the new date. */
export function RescheduleForm({
  initial,
  minDate,
  busy,
  onPreview,
  onRecordOnly,
  onCancel,
}: {
  initial: DelayInput | null;
  minDate: string | null;
  busy: boolean;
  onPreview: (input: DelayInput) => void;
  onRecordOnly: (input: DelayInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useSchemaForm({
    schema: ZComposeDelay,
    initialValues: {
      cause: initial?.cause ?? null,
      statusText: initial?.statusText ?? '',
      newTargetDate: initial?.newTargetDate ?? '',
    } as DelayValues,
  });
  const { cause, statusText, newTargetDate } = form.values;
  const options: Choice<DelayCause>[] = [
    { value: 'mine', label: t('projects.cause.mine') },
    { value: 'client', label: t('projects.cause.client') },
    { value: 'external', label: t('projects.cause.external') },
  ];
  return (
    <form noValidate onSubmit={form.submit(onPreview)}>
      <Stack gap="md">
        <Text size="sm">{t('projects.reschedule.intro')}</Text>
        <ChoiceChips
          label={t('projects.reschedule.cause')}
          value={cause}
          options={options}
          onChange={(next) => form.set('cause', next)}
          error={form.error('cause') && t('projects.reschedule.causeRequired')}
        />
        {cause && (
          <Alert color={cause === 'mine' ? 'orange' : 'gray'} variant="light" c="dark.7" icon={<AlertIcon />}>
            {cause === 'mine' ? t('projects.reschedule.mineCounts') : t('projects.reschedule.notMine')}
          </Alert>
        )}
        <Textarea
          label={t('projects.reschedule.statusText')}
          description={t('projects.reschedule.statusHint')}
          required
          autosize
          minRows={2}
          value={statusText}
          onChange={(e) => form.set('statusText', e.currentTarget.value)}
          error={form.error('statusText') && t('projects.reschedule.statusRequired')}
          dir="auto"
        />
        <DateField
          w={220}
          required
          label={t('projects.reschedule.newDate')}
          value={newTargetDate}
          min={minDate ?? undefined}
          onChange={(value) => form.set('newTargetDate', value)}
          error={form.error('newTargetDate') && t('projects.target.required')}
        />
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Button variant="subtle" color="gray" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Group gap="sm">
            <Button variant="default" loading={busy} onClick={() => form.submit(onRecordOnly)()}>
              {t('projects.reschedule.recordOnly')}
            </Button>
            <Button type="submit">{t('projects.reschedule.preview')}</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Every slip, newest first: the cause, from → to, where things stood, when, and whether the client was told. */
export function RescheduleHistory({ project, timeZone }: { project: Project; timeZone: string }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  if (project.reschedules.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('projects.history.empty')}
      </Text>
    );
  return (
    <Stack
      gap="xs"
      component="ol"
      aria-label={t('projects.history.title')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {[...project.reschedules].reverse().map((r) => (
        <Paper key={r.id} component="li" withBorder radius="sm" p="xs">
          <Text size="sm" fw={600}>
            {t(`projects.cause.${r.cause}`)}
            {t('common.separator')}
            {r.fromDate
              ? t('projects.history.fromTo', {
                  from: formatLongDay(r.fromDate, intl),
                  to: formatLongDay(r.toDate, intl),
                })
              : formatLongDay(r.toDate, intl)}
          </Text>
          <Text size="sm">
            <UserText>{r.statusText}</UserText>
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(r.createdAt, intl, timeZone)}
            {t('common.separator')}
            {r.messageId ? t('projects.history.sent') : t('projects.history.notSent')}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
