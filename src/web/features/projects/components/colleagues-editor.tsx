import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Colleague, ZSaveColleague } from '../../../../shared/schemas/projects';
import { Ltr, UserText } from '../../../components/ui/bidi';
import { ListEditor } from '../../../components/ui/list-editor';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useColleagues, useDeleteColleague, useSaveColleague } from '../api/project-queries';

/** Colleagues I subcontract to or refer clients to: who, what they do, how to reach them. */
export function ColleaguesEditor() {
  const { t } = useTranslation();
  const colleagues = useColleagues();
  const remove = useDeleteColleague();
  return (
    <ListEditor
      items={colleagues.data}
      error={colleagues.error}
      listLabel={t('colleagues.listLabel')}
      emptyText={t('colleagues.empty')}
      addLabel={t('colleagues.add')}
      deleteLabel={t('colleagues.delete')}
      deleteConfirm={(c) => t('colleagues.deleteConfirm', { name: c.name })}
      nameOf={(c) => c.name}
      renderItem={(c) => (
        <Stack gap={2}>
          <Text fw={600}>
            <UserText>{c.name}</UserText>
          </Text>
          <Text size="sm" c="dimmed">
            <UserText>{c.does}</UserText>
          </Text>
          {(c.phone || c.email) && (
            <Text size="sm">
              <Ltr>{[c.phone, c.email].filter(Boolean).join(' · ')}</Ltr>
            </Text>
          )}
        </Stack>
      )}
      renderForm={(colleague, done) => <ColleagueForm colleague={colleague} onDone={done} />}
      deleteBusy={remove.isPending}
      onDelete={(c, done) => remove.mutate(c.id, { onSuccess: done, onError: notifyError })}
    />
  );
}

function ColleagueForm({ colleague, onDone }: { colleague: Colleague | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveColleague();
  const form = useSchemaForm({
    schema: ZSaveColleague,
    initialValues: {
      name: colleague?.name ?? '',
      does: colleague?.does ?? '',
      phone: colleague?.phone ?? '',
      email: colleague?.email ?? '',
      notes: colleague?.notes ?? '',
    },
  });
  const { values } = form;
  return (
    <form
      noValidate
      onSubmit={form.submit(async (input) => {
        await save.mutateAsync({ id: colleague?.id ?? null, input });
        notifySuccess(t('common.saved'));
        onDone();
      })}
    >
      <Stack gap="sm">
        <TextInput
          label={t('colleagues.name')}
          required
          value={values.name}
          onChange={(e) => form.set('name', e.currentTarget.value)}
          error={form.error('name')}
          dir="auto"
          data-autofocus
        />
        <TextInput
          label={t('colleagues.does')}
          required
          value={values.does}
          onChange={(e) => form.set('does', e.currentTarget.value)}
          error={form.error('does')}
          dir="auto"
        />
        <Group gap="sm" grow wrap="wrap">
          <TextInput
            label={t('colleagues.phone')}
            type="tel"
            value={values.phone}
            onChange={(e) => form.set('phone', e.currentTarget.value)}
            error={form.error('phone')}
            dir="ltr"
          />
          <TextInput
            label={t('colleagues.email')}
            type="email"
            value={values.email}
            onChange={(e) => form.set('email', e.currentTarget.value)}
            error={form.error('email')}
            dir="ltr"
          />
        </Group>
        <Textarea
          label={t('colleagues.notes')}
          autosize
          minRows={2}
          value={values.notes}
          onChange={(e) => form.set('notes', e.currentTarget.value)}
          error={form.error('notes')}
          dir="auto"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
