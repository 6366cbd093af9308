import { ActionIcon, Button, Group, Paper, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../../../shared/schemas/care';
import { UserText } from '../../../components/ui/bidi';
import { DuePicker } from '../../../components/ui/due-picker';
import { MessageIcon, PlusIcon, TrashIcon } from '../../../components/ui/icons';
import { LabelledSegments } from '../../../components/ui/labelled-segments';

export type PromiseRow = { direction: 'mine' | 'theirs'; title: string; dueDate: string; dueTime: string | null };
export type ResolveDraft = { promises: PromiseRow[]; outcome: string; withMessage: boolean };

const MAX_PROMISES = 10;

export function initialResolveDraft(conflict: Conflict, today: string): ResolveDraft {
  return {
    promises: [{ direction: 'mine', title: '', dueDate: today, dueTime: null }],
    outcome: conflict.outcome ?? '',
    withMessage: true,
  };
}

type Props = {
  conflict: Conflict;
  today: string;
  initial: ResolveDraft;
  busy: boolean;
  onCancel: () => void;
  /** With a message: on to the composer; without: resolve now. */
  onSubmit: (draft: ResolveDraft) => void;
};

/**
 * Seed 002's last step: the chosen option written down as who does what by when (mine / theirs),
 * the outcome, and whether the client gets it back in a message ("if I understood you… we agreed…").
 */
export function ConflictResolveForm({ conflict, today, initial, busy, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const chosen = conflict.chosenOption === null ? null : conflict.options[conflict.chosenOption];
  const setRow = (index: number, patch: Partial<PromiseRow>) =>
    setDraft((d) => ({ ...d, promises: d.promises.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
  const rowError = (row: PromiseRow) =>
    checked && row.title.trim() === '' ? t('care.resolve.whatRequired') : undefined;
  const dayError = (row: PromiseRow) =>
    checked && !/^\d{4}-\d{2}-\d{2}$/.test(row.dueDate) ? t('care.apology.dayRequired') : undefined;

  const submit = () => {
    setChecked(true);
    if (draft.promises.some((row) => row.title.trim() === '' || !/^\d{4}-\d{2}-\d{2}$/.test(row.dueDate))) return;
    onSubmit({ ...draft, promises: draft.promises.map((row) => ({ ...row, title: row.title.trim() })) });
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('care.resolve.intro')}
      </Text>
      {chosen ? (
        <div>
          <Text size="xs" fw={600} c="dimmed">
            {t('care.resolve.chosen')}
          </Text>
          <Text size="sm" fw={500}>
            <UserText>{chosen.text}</UserText>
          </Text>
        </div>
      ) : (
        <Text size="sm" c="red.9">
          {t('care.resolve.noChoice')}
        </Text>
      )}
      <Stack gap="sm" component="ol" aria-label={t('care.resolve.promises')} m={0} p={0} style={{ listStyle: 'none' }}>
        {draft.promises.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('care.resolve.noPromises')}
          </Text>
        )}
        {draft.promises.map((row, index) => {
          const name = t('care.resolve.promise', { n: index + 1 });
          return (
            <Paper component="li" key={index} withBorder radius="sm" p="sm">
              <Stack gap="sm">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={600}>
                    {name}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('care.resolve.remove', { n: index + 1 })}
                    onClick={() => setDraft((d) => ({ ...d, promises: d.promises.filter((_, i) => i !== index) }))}
                  >
                    <TrashIcon size={16} />
                  </ActionIcon>
                </Group>
                <LabelledSegments
                  label={`${t('care.resolve.direction')} (${name})`}
                  hideLabel
                  value={row.direction}
                  options={[
                    { value: 'mine', label: t('care.resolve.mine') },
                    { value: 'theirs', label: t('care.resolve.theirs') },
                  ]}
                  onChange={(direction) => setRow(index, { direction })}
                />
                <TextInput
                  label={`${t('care.resolve.what')} (${name})`}
                  placeholder={t('care.resolve.whatPlaceholder')}
                  value={row.title}
                  dir="auto"
                  required
                  maxLength={300}
                  onChange={(e) => setRow(index, { title: e.currentTarget.value })}
                  error={rowError(row)}
                />
                <DuePicker
                  day={row.dueDate}
                  time={row.dueTime}
                  onDayChange={(dueDate) => setRow(index, { dueDate })}
                  onTimeChange={(dueTime) => setRow(index, { dueTime })}
                  today={today}
                  minDay={today}
                  dayError={dayError(row)}
                  labelSuffix={name}
                />
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      {draft.promises.length < MAX_PROMISES && (
        <div>
          <Button
            variant="light"
            leftSection={<PlusIcon size={16} />}
            onClick={() =>
              setDraft((d) => ({
                ...d,
                promises: [...d.promises, { direction: 'theirs', title: '', dueDate: today, dueTime: null }],
              }))
            }
          >
            {t('care.resolve.add')}
          </Button>
        </div>
      )}
      <Textarea
        label={t('care.resolve.outcome')}
        placeholder={t('care.conflicts.steps.outcome.placeholder')}
        autosize
        minRows={2}
        dir="auto"
        maxLength={2000}
        value={draft.outcome}
        onChange={(e) => setDraft((d) => ({ ...d, outcome: e.currentTarget.value }))}
      />
      <Switch
        checked={draft.withMessage}
        onChange={(e) => setDraft((d) => ({ ...d, withMessage: e.currentTarget.checked }))}
        label={t('care.resolve.withMessage')}
        description={t('care.resolve.withMessageHint')}
      />
      <Group justify="space-between" gap="sm">
        <Button variant="subtle" color="gray" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
        <Button
          disabled={!chosen}
          loading={busy}
          leftSection={draft.withMessage ? <MessageIcon size={18} /> : undefined}
          onClick={submit}
        >
          {draft.withMessage ? t('care.resolve.next') : t('care.resolve.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
