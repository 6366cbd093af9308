import { Badge, Button, Group, Paper, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Locale } from '../../../../shared/schemas/common';
import { ZTerms, type TermsTemplate } from '../../../../shared/schemas/quotes';
import { isolate } from '../../../../shared/text';
import { UserText } from '../../../components/ui/bidi';
import { Dialog } from '../../../components/ui/dialog';
import { EditIcon, PlusIcon, TrashIcon } from '../../../components/ui/icons';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useDeleteTermsTemplate, useSaveTermsTemplate, useTermsTemplates } from '../api/quote-queries';
import { type TermsValues, termsToValues, valuesToTerms } from './quote-form-values';
import { TermsFields } from './terms-fields';

type TemplateValues = { name: string; locale: Locale; terms: TermsValues };
const ZTemplateForm = z.object({
  name: z.string().trim().min(1, { error: 'required' }).max(120, { error: 'too_long' }),
  locale: z.enum(['he', 'en']),
  terms: ZTerms,
});
const toInput = (values: TemplateValues) => ({
  name: values.name,
  locale: values.locale,
  terms: valuesToTerms(values.terms),
});

/** The library of terms: copied into each quote and adjustable there. */
export function TermsTemplatesEditor() {
  const { t } = useTranslation();
  const templates = useTermsTemplates();
  const remove = useDeleteTermsTemplate();
  const [editing, setEditing] = useState<TermsTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TermsTemplate | null>(null);
  if (templates.isError) return <Text c="var(--mantine-color-error)">{templates.error.message}</Text>;
  if (!templates.data) return <Skeleton height={200} />;

  if (editing) {
    return <TemplateForm template={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />;
  }
  return (
    <Stack gap="sm">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('quotes.termsTemplates.listLabel')}>
        {templates.data.map((tpl) => (
          <li key={tpl.id}>
            <Paper withBorder radius="sm" p="sm" mb="xs">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Group gap="xs">
                  <Text fw={600}>
                    <UserText>{tpl.name}</UserText>
                  </Text>
                  <Badge variant="light" color="blue" c="blue.9" radius="sm">
                    {t(`languages.${tpl.locale}`)}
                  </Badge>
                </Group>
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<EditIcon size={16} />}
                    onClick={() => setEditing(tpl)}
                  >
                    {t('actions.edit')}
                    <span className="visually-hidden"> {isolate(tpl.name)}</span>
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    leftSection={<TrashIcon size={16} />}
                    onClick={() => setDeleting(tpl)}
                  >
                    {t('quotes.termsTemplates.delete')}
                    <span className="visually-hidden"> {isolate(tpl.name)}</span>
                  </Button>
                </Group>
              </Group>
            </Paper>
          </li>
        ))}
      </ul>
      <div>
        <Button leftSection={<PlusIcon size={18} />} onClick={() => setEditing('new')}>
          {t('quotes.termsTemplates.add')}
        </Button>
      </div>
      <Dialog
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('quotes.termsTemplates.delete')}
        closeLabel={t('actions.close')}
      >
        <Stack gap="md">
          <Text size="sm">{t('quotes.termsTemplates.deleteConfirm', { name: isolate(deleting?.name ?? '') })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="subtle" color="gray" onClick={() => setDeleting(null)}>
              {t('actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                deleting &&
                remove.mutate(deleting.id, {
                  onSuccess: () => {
                    setDeleting(null);
                    notifySuccess(t('quotes.termsTemplates.deleted'));
                  },
                  onError: notifyError,
                })
              }
            >
              {t('quotes.termsTemplates.delete')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}

function TemplateForm({ template, onDone }: { template: TermsTemplate | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTermsTemplate();
  const form = useSchemaForm({
    schema: ZTemplateForm,
    initialValues: {
      name: template?.name ?? '',
      locale: template?.locale ?? 'he',
      terms: termsToValues(template?.terms ?? null),
    } satisfies TemplateValues,
    toInput,
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (data) => {
        await save.mutateAsync({ id: template?.id ?? null, input: data });
        notifySuccess(t('common.saved'));
        onDone();
      })}
    >
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label={t('quotes.termsTemplates.name')}
            required
            value={form.values.name}
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={form.error('name')}
            dir="auto"
            style={{ flex: '1 1 16rem' }}
          />
          <Select
            label={t('quotes.termsTemplates.locale')}
            data={[
              { value: 'he', label: t('languages.he') },
              { value: 'en', label: t('languages.en') },
            ]}
            value={form.values.locale}
            onChange={(v) => v && form.set('locale', v === 'en' ? 'en' : 'he')}
            allowDeselect={false}
            w={160}
          />
        </Group>
        <TermsFields
          value={form.values.terms}
          dir={form.values.locale === 'he' ? 'rtl' : 'ltr'}
          onChange={(path, next) =>
            form.update(path === null ? null : `terms.${path}`, (prev) => ({ ...prev, terms: next }))
          }
          error={(path) => form.error(`terms.${path}`)}
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
