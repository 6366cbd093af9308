import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Playbook, ZCreateClientType, ZUpdatePlaybook } from '../../../../shared/schemas/care';
import type { Locale } from '../../../../shared/schemas/common';
import { isolate } from '../../../../shared/text';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useCreateClientType, useSavePlaybook } from '../api/care-queries';
import { LinesField } from './lines-field';

type Values = { name: string; locale: Locale; hint: string; tactics: string[]; avoid: string[] };

const MAX_LINES = 8;

type Props = {
  /** Null: a new type, written in `locale`. */
  playbook: Playbook | null;
  locale: Locale;
  onDone: () => void;
};

/** A type's playbook in one language: its hint, tactics and things to avoid (and a name for a new type). */
export function PlaybookForm({ playbook, locale, onDone }: Props) {
  const { t } = useTranslation();
  const save = useSavePlaybook();
  const create = useCreateClientType();
  const isNew = playbook === null;
  const form = useSchemaForm<Values, typeof ZCreateClientType | typeof ZUpdatePlaybook>({
    schema: isNew ? ZCreateClientType : ZUpdatePlaybook,
    initialValues: {
      name: playbook?.name ?? '',
      locale,
      hint: playbook?.hint ?? '',
      tactics: playbook?.tactics.length ? playbook.tactics : [''],
      avoid: playbook?.avoid ?? [],
    },
    toInput: (v) => (isNew ? v : { locale: v.locale, hint: v.hint, tactics: v.tactics, avoid: v.avoid }),
  });
  const { values } = form;
  const setLines = (key: 'tactics' | 'avoid') => (path: string | null, lines: string[]) =>
    form.update(path ?? key, (prev) => ({ ...prev, [key]: lines }));

  const submit = form.submit(async (data) => {
    const { hint, tactics, avoid } = data;
    if (playbook) {
      await save.mutateAsync({ type: playbook.type, input: { locale, hint, tactics, avoid } });
      notifySuccess(t('care.playbooks.saved', { name: isolate(playbook.name) }));
    } else if ('name' in data) {
      const created = await create.mutateAsync({ name: data.name, locale, hint, tactics, avoid });
      notifySuccess(t('care.playbooks.created', { name: isolate(created.name) }));
    }
    onDone();
  });

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={isNew ? t('care.playbooks.addTitle') : t('care.playbooks.editTitle', { name: playbook.name })}
    >
      <Stack gap="md">
        {isNew && (
          <TextInput
            label={t('care.playbooks.name')}
            description={t('care.playbooks.nameHint')}
            required
            data-autofocus
            dir="auto"
            value={values.name}
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={form.error('name')}
          />
        )}
        <Textarea
          label={t('care.playbooks.hint')}
          description={t('care.playbooks.hintHint')}
          required
          autosize
          minRows={2}
          dir="auto"
          value={values.hint}
          onChange={(e) => form.set('hint', e.currentTarget.value)}
          error={form.error('hint')}
        />
        <LinesField
          label={t('care.playbook.tactics')}
          lines={values.tactics}
          onChange={setLines('tactics')}
          error={form.error}
          path="tactics"
          itemLabel={t('care.playbooks.tactic')}
          addLabel={t('care.playbooks.addTactic')}
          max={MAX_LINES}
        />
        <LinesField
          label={t('care.playbook.avoid')}
          lines={values.avoid}
          onChange={setLines('avoid')}
          error={form.error}
          path="avoid"
          itemLabel={t('care.playbooks.avoidLine')}
          addLabel={t('care.playbooks.addAvoid')}
          max={MAX_LINES}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {isNew ? t('care.playbooks.add') : t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
