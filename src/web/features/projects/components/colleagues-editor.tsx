import { Button, Group, Paper, Skeleton, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Colleague } from '../../../../shared/schemas/projects';
import { isolate } from '../../../../shared/text';
import { Ltr, UserText } from '../../../components/ui/bidi';
import { EditIcon, PlusIcon, TrashIcon } from '../../../components/ui/icons';
import { isApiError } from '../../../lib/api-client';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useColleagues, useDeleteColleague, useSaveColleague } from '../api/project-queries';

/** Colleagues I subcontract to or refer clients to: who, what they do, how to reach them. */
export function ColleaguesEditor() {
  const { t } = useTranslation();
  const colleagues = useColleagues();
  const remove = useDeleteColleague();
  const [editing, setEditing] = useState<Colleague | 'new' | null>(null);
  if (colleagues.isError) return <Text c="var(--mantine-color-error)">{colleagues.error.message}</Text>;
  if (!colleagues.data) return <Skeleton height={120} />;
  if (editing) return <ColleagueForm colleague={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />;
  return (
    <Stack gap="sm">
      {colleagues.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('colleagues.empty')}
        </Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('colleagues.listLabel')}>
          {colleagues.data.map((c) => (
            <li key={c.id}>
              <Paper withBorder radius="sm" p="sm" mb="xs">
                <Group justify="space-between" gap="xs" wrap="wrap">
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
                  <Group gap="xs">
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<EditIcon size={16} />}
                      onClick={() => setEditing(c)}
                    >
                      {t('actions.edit')}
                      <span className="visually-hidden"> {isolate(c.name)}</span>
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      leftSection={<TrashIcon size={16} />}
                      loading={remove.isPending && remove.variables === c.id}
                      onClick={() => {
                        if (window.confirm(t('colleagues.deleteConfirm', { name: c.name })))
                          remove.mutate(c.id, { onError: notifyError });
                      }}
                    >
                      {t('colleagues.delete')}
                      <span className="visually-hidden"> {isolate(c.name)}</span>
                    </Button>
                  </Group>
                </Group>
              </Paper>
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
          {t('colleagues.add')}
        </Button>
      </div>
    </Stack>
  );
}

function ColleagueForm({ colleague, onDone }: { colleague: Colleague | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveColleague();
  const [name, setName] = useState(colleague?.name ?? '');
  const [does, setDoes] = useState(colleague?.does ?? '');
  const [phone, setPhone] = useState(colleague?.phone ?? '');
  const [email, setEmail] = useState(colleague?.email ?? '');
  const [notes, setNotes] = useState(colleague?.notes ?? '');
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const err = (field: string, value: string) =>
    tried && !value.trim() ? t('colleagues.required') : serverErrors[field];
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!name.trim() || !does.trim()) return;
        save.mutate(
          {
            id: colleague?.id ?? null,
            input: {
              name: name.trim(),
              does: does.trim(),
              ...(phone.trim() ? { phone: phone.trim() } : {}),
              ...(email.trim() ? { email: email.trim() } : {}),
              ...(notes.trim() ? { notes: notes.trim() } : {}),
            },
          },
          {
            onSuccess: () => {
              notifySuccess(t('common.saved'));
              onDone();
            },
            onError: (error) => {
              if (isApiError(error) && error.fields.length > 0)
                setServerErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
              else notifyError(error);
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('colleagues.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={err('name', name)}
          dir="auto"
          data-autofocus
        />
        <TextInput
          label={t('colleagues.does')}
          required
          value={does}
          onChange={(e) => setDoes(e.currentTarget.value)}
          error={err('does', does)}
          dir="auto"
        />
        <Group gap="sm" grow wrap="wrap">
          <TextInput
            label={t('colleagues.phone')}
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={serverErrors.phone}
            dir="ltr"
          />
          <TextInput
            label={t('colleagues.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={serverErrors.email}
            dir="ltr"
          />
        </Group>
        <Textarea
          label={t('colleagues.notes')}
          autosize
          minRows={2}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          dir="auto"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
