import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type MessageTemplate, ZUpdateTemplate, messageKinds } from '../../../../shared/schemas/messages';
import { Dialog } from '../../../components/ui/dialog';
import { RestoreIcon } from '../../../components/ui/icons';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useResetTemplate, useSaveTemplate, useTemplates } from '../api/message-queries';
import { useKindLabels } from './kind-labels';

const VARIABLE_KEYS = [
  'clientName',
  'what',
  'due',
  'newDue',
  'reason',
  'meetingDate',
  'agreed',
  'nextSteps',
  'myName',
  'businessName',
  'quoteNumber',
  'quoteTitle',
  'quoteTotal',
  'validUntil',
  'link',
  'goodwill',
  'terms',
  'projectTitle',
  'statusText',
  'causeLine',
  'newDate',
] as const;
type KnownVariable = (typeof VARIABLE_KEYS)[number];

function isKnownVariable(name: string): name is KnownVariable {
  return (VARIABLE_KEYS as readonly string[]).includes(name);
}

/** Every client-facing text, per kind and language: the user's own words, or Mila's defaults. */
export function TemplatesEditor() {
  const kindLabels = useKindLabels();
  const templates = useTemplates();
  if (templates.isError) return <Text c="var(--mantine-color-error)">{templates.error.message}</Text>;
  if (!templates.data) return <Skeleton height={320} />;
  const items = templates.data;
  return (
    <Tabs defaultValue={messageKinds[0]} keepMounted={false}>
      <Tabs.List>
        {messageKinds.map((kind) => (
          <Tabs.Tab key={kind} value={kind}>
            {kindLabels.name(kind)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {messageKinds.map((kind) => (
        <Tabs.Panel key={kind} value={kind} pt="md">
          <Text size="sm" c="dimmed" mb="md">
            {kindLabels.hint(kind)}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {items
              .filter((item) => item.kind === kind)
              .map((item) => (
                <TemplateForm key={`${item.kind}-${item.locale}`} template={item} />
              ))}
          </SimpleGrid>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

type Field = 'subject' | 'body';

function TemplateForm({ template }: { template: MessageTemplate }) {
  const { t } = useTranslation();
  const kindLabels = useKindLabels();
  const save = useSaveTemplate();
  const reset = useResetTemplate();
  const [confirmOpen, confirm] = useDisclosure(false);
  const form = useSchemaForm({
    schema: ZUpdateTemplate,
    initialValues: { subject: template.subject, body: template.body },
  });
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<Field>('body');
  const languageName = t(`languages.${template.locale}`);
  const headingId = `template-${template.kind}-${template.locale}`;
  const dir = template.locale === 'he' ? 'rtl' : 'ltr';

  const variableLabel = (name: string) => (isKnownVariable(name) ? t(`messages.variables.${name}`) : name);

  /** Puts {{name}} where the cursor was in the last field used (the body by default). */
  const insert = (name: string) => {
    const field = lastField.current;
    const element = field === 'subject' ? subjectRef.current : bodyRef.current;
    const value = form.values[field];
    const token = `{{${name}}}`;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? start;
    form.set(field, value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const onSave = form.submit(async (input) => {
    const saved = await save.mutateAsync({ kind: template.kind, locale: template.locale, ...input });
    form.reset({ subject: saved.subject, body: saved.body });
    notifySuccess(t('messages.templates.saved'));
  });

  const onReset = () =>
    reset.mutate(
      { kind: template.kind, locale: template.locale },
      {
        onSuccess: (restored) => {
          form.reset({ subject: restored.subject, body: restored.body });
          confirm.close();
          notifySuccess(t('messages.templates.restored'));
        },
        onError: notifyError,
      },
    );

  return (
    <Paper withBorder radius="md" p="md" component="form" noValidate onSubmit={onSave} aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {t('messages.templates.inLanguage', { kind: kindLabels.name(template.kind), language: languageName })}
          </Title>
          <Badge
            variant={template.isDefault ? 'outline' : 'light'}
            color={template.isDefault ? 'gray' : 'mila'}
            c={template.isDefault ? 'dark.6' : 'mila.9'}
            radius="sm"
          >
            {template.isDefault ? t('messages.templates.builtIn') : t('messages.templates.edited')}
          </Badge>
        </Group>
        <TextInput
          ref={subjectRef}
          label={t('messages.templates.subject', { language: languageName })}
          value={form.values.subject}
          onChange={(e) => form.set('subject', e.currentTarget.value)}
          onFocus={() => (lastField.current = 'subject')}
          error={form.error('subject')}
          dir={dir}
          lang={template.locale}
        />
        <Textarea
          ref={bodyRef}
          label={t('messages.templates.body', { language: languageName })}
          autosize
          minRows={8}
          maxRows={20}
          value={form.values.body}
          onChange={(e) => form.set('body', e.currentTarget.value)}
          onFocus={() => (lastField.current = 'body')}
          error={form.error('body')}
          dir={dir}
          lang={template.locale}
        />
        <div role="group" aria-label={t('messages.templates.variables')}>
          <Text size="xs" c="dimmed" mb={4}>
            {t('messages.templates.variablesHint')}
          </Text>
          <Group gap={6}>
            {template.variables.map((name) => (
              <Button
                key={name}
                size="compact-xs"
                variant="light"
                radius="xl"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => insert(name)}
                aria-label={t('messages.templates.insert', { name: variableLabel(name) })}
              >
                {variableLabel(name)}
              </Button>
            ))}
          </Group>
        </div>
        <Group justify="space-between" gap="xs">
          {template.isDefault && !form.dirty ? (
            <span />
          ) : (
            <Button variant="subtle" size="sm" leftSection={<RestoreIcon size={16} />} onClick={confirm.open}>
              {t('messages.templates.reset')}
            </Button>
          )}
          <Button type="submit" size="sm" loading={form.submitting} disabled={!form.dirty}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
      <Dialog
        opened={confirmOpen}
        onClose={confirm.close}
        title={t('messages.templates.resetTitle')}
        closeLabel={t('actions.close')}
        centered
      >
        <Text size="sm">
          {t('messages.templates.resetBody', { kind: kindLabels.name(template.kind), language: languageName })}
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={confirm.close}>
            {t('actions.cancel')}
          </Button>
          <Button color="red.9" onClick={onReset} loading={reset.isPending} data-autofocus>
            {t('messages.templates.resetConfirm')}
          </Button>
        </Group>
      </Dialog>
    </Paper>
  );
}
