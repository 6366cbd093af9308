import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/schemas/common';
import { type TermsTemplate, ZSaveTermsTemplate } from '../../../../shared/schemas/quotes';
import { isolate } from '../../../../shared/text';
import { UserText } from '../../../components/ui/bidi';
import { ListEditor } from '../../../components/ui/list-editor';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useDeleteTermsTemplate, useSaveTermsTemplate, useTermsTemplates } from '../api/quote-queries';
import { type TermsValues, termsToValues, valuesToTerms } from './quote-form-values';
import { TermsFields } from './terms-fields';

type TemplateValues = { name: string; locale: Locale; terms: TermsValues };
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
  return (
    <ListEditor
      items={templates.data}
      error={templates.error}
      listLabel={t('quotes.termsTemplates.listLabel')}
      addLabel={t('quotes.termsTemplates.add')}
      deleteLabel={t('quotes.termsTemplates.delete')}
      deleteConfirm={(tpl) => t('quotes.termsTemplates.deleteConfirm', { name: isolate(tpl.name) })}
      nameOf={(tpl) => tpl.name}
      renderItem={(tpl) => (
        <Group gap="xs">
          <Text fw={600}>
            <UserText>{tpl.name}</UserText>
          </Text>
          <Badge variant="light" color="blue" c="blue.9" radius="sm">
            {t(`languages.${tpl.locale}`)}
          </Badge>
        </Group>
      )}
      renderForm={(template, done) => <TemplateForm template={template} onDone={done} />}
      deleteBusy={remove.isPending}
      onDelete={(tpl, done) =>
        remove.mutate(tpl.id, {
          onSuccess: () => {
            done();
            notifySuccess(t('quotes.termsTemplates.deleted'));
          },
          onError: notifyError,
        })
      }
      skeletonHeight={200}
    />
  );
}

function TemplateForm({ template, onDone }: { template: TermsTemplate | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTermsTemplate();
  const form = useSchemaForm({
    schema: ZSaveTermsTemplate,
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
