import {
  Button,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import {
  type Client,
  type Personality,
  ZCreateClient,
  clientKinds,
  clientStatuses,
  personalities,
} from '../../../../shared/schemas/clients';
import { type WeeklyHours, channels, locales } from '../../../../shared/schemas/common';
import { WeeklyHoursEditor } from '../../../components/ui/weekly-hours-editor';
import { WeeklyHoursSummary } from '../../../components/ui/weekly-hours-summary';
import { isolate } from '../../../../shared/text';
import { isLocale } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useClientTags, useCreateClient, useUpdateClient } from '../api/client-queries';
import { type ClientFormValues, toClientInput } from './client-form-values';
import { ClientPicker } from './client-picker';
import { ContactsFields } from './contacts-fields';
import { FormSection } from './form-section';
import { ImportantDatesFields } from './important-dates-fields';

/** Select values must be strings: "none" stands for null in the optional pickers. */
const NONE = 'none';

type Props = {
  initialValues: ClientFormValues;
  /** Set when editing; the form then PATCHes that client. */
  clientId?: string;
  businessHours: WeeklyHours;
  onSaved: (client: Client) => void;
  onCancel: () => void;
  /** The chosen type's playbook hint (features/care), passed in by the page. */
  renderTypeHint?: (personality: Personality) => ReactNode;
};

export function ClientForm({ initialValues, clientId, businessHours, onSaved, onCancel, renderTypeHint }: Props) {
  const { t } = useTranslation();
  const create = useCreateClient();
  const update = useUpdateClient(clientId ?? '');
  const tags = useClientTags();
  const form = useSchemaForm({ schema: ZCreateClient, toInput: toClientInput, initialValues });
  const { values } = form;
  const set = form.set;
  const showContacts = values.kind === 'organization' || values.contacts.length > 0;

  const save = form.submit(async (input) => {
    const client = clientId ? await update.mutateAsync(input) : await create.mutateAsync(input);
    notifySuccess(clientId ? t('clients.form.saved') : t('clients.form.created', { name: isolate(client.name) }));
    onSaved(client);
  });

  return (
    <form noValidate onSubmit={save} aria-label={clientId ? t('clients.form.editTitle') : t('clients.form.newTitle')}>
      <Stack gap="lg">
        <FormSection title={t('clients.form.sectionDetails')}>
          <Radio.Group
            label={t('clients.fields.kind')}
            value={values.kind}
            onChange={(value) => {
              const kind = clientKinds.find((k) => k === value);
              if (kind) set('kind', kind);
            }}
            error={form.error('kind')}
          >
            <Group gap="lg" mt={6}>
              {clientKinds.map((kind) => (
                <Radio key={kind} value={kind} label={t(`clientKinds.${kind}`)} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput
            label={t('clients.fields.name')}
            required
            data-autofocus
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={form.error('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('clients.fields.status')}
              data={clientStatuses.map((value) => ({ value, label: t(`statuses.${value}`) }))}
              value={values.status}
              onChange={(value) => {
                const status = clientStatuses.find((s) => s === value);
                if (status) set('status', status);
              }}
              allowDeselect={false}
              error={form.error('status')}
            />
            <Select
              label={t('clients.fields.personality')}
              description={t('clients.form.personalityHint')}
              data={[
                { value: NONE, label: t('clients.form.noPersonality') },
                ...personalities.map((value) => ({ value, label: t(`personalities.${value}`) })),
              ]}
              value={values.personality ?? NONE}
              onChange={(value) => set('personality', personalities.find((p) => p === value) ?? null)}
              allowDeselect={false}
              error={form.error('personality')}
            />
          </SimpleGrid>
          {values.personality && renderTypeHint?.(values.personality)}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('clients.fields.businessNumber')}
              description={t('common.optional')}
              inputMode="numeric"
              dir="ltr"
              value={values.businessNumber}
              onChange={(e) => set('businessNumber', e.currentTarget.value)}
              error={form.error('businessNumber')}
            />
            <TextInput
              label={t('clients.fields.address')}
              value={values.address}
              onChange={(e) => set('address', e.currentTarget.value)}
              error={form.error('address')}
            />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t('clients.form.sectionReach')} description={t('clients.form.sectionReachHint')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('clients.fields.channel')}
              data={[
                { value: NONE, label: t('clients.form.noChannel') },
                ...channels.map((value) => ({ value, label: t(`channels.${value}`) })),
              ]}
              value={values.channel ?? NONE}
              onChange={(value) => set('channel', channels.find((c) => c === value) ?? null)}
              allowDeselect={false}
              error={form.error('channel')}
            />
            <Radio.Group
              label={t('clients.fields.language')}
              value={values.language}
              onChange={(value) => isLocale(value) && set('language', value)}
              error={form.error('language')}
            >
              <Group gap="lg" mt={6}>
                {locales.map((locale) => (
                  <Radio key={locale} value={locale} label={t(`languages.${locale}`)} />
                ))}
              </Group>
            </Radio.Group>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('clients.fields.phone')}
              type="tel"
              dir="ltr"
              autoComplete="off"
              value={values.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
              error={form.error('phone')}
            />
            <TextInput
              label={t('clients.fields.whatsapp')}
              description={t('clients.form.whatsappHint')}
              type="tel"
              dir="ltr"
              autoComplete="off"
              value={values.whatsapp}
              onChange={(e) => set('whatsapp', e.currentTarget.value)}
              error={form.error('whatsapp')}
            />
            <TextInput
              label={t('clients.fields.email')}
              type="email"
              dir="ltr"
              autoComplete="off"
              value={values.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={form.error('email')}
            />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t('clients.fields.serviceHours')} description={t('clients.form.serviceHoursHint')}>
          <Switch
            label={t('clients.form.useBusinessHours')}
            checked={values.serviceHours === null}
            onChange={(e) => set('serviceHours', e.currentTarget.checked ? null : businessHours)}
          />
          {values.serviceHours === null ? (
            <WeeklyHoursSummary hours={businessHours} />
          ) : (
            <WeeklyHoursEditor
              legend={t('clients.form.customHours')}
              value={values.serviceHours}
              onChange={(serviceHours, path) => form.update(path, (v) => ({ ...v, serviceHours }))}
              error={form.error}
              pathPrefix="serviceHours"
            />
          )}
        </FormSection>

        {showContacts && (
          <FormSection title={t('clients.fields.contacts')} description={t('clients.form.contactsHint')}>
            <ContactsFields
              value={values.contacts}
              onChange={(contacts, path) => form.update(path, (v) => ({ ...v, contacts }))}
              error={form.error}
            />
          </FormSection>
        )}

        <FormSection title={t('clients.form.sectionRelationship')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ClientPicker
              label={t('clients.fields.referredBy')}
              description={t('clients.form.referredByHint')}
              value={values.referredByClientId}
              valueLabel={values.referredByName}
              excludeId={clientId}
              onChange={(id, name) =>
                form.update('referredByClientId', (v) => ({ ...v, referredByClientId: id, referredByName: name }))
              }
              error={form.error('referredByClientId')}
            />
            <TextInput
              label={t('clients.fields.referredByText')}
              description={t('clients.form.referredByTextHint')}
              value={values.referredByText}
              onChange={(e) => set('referredByText', e.currentTarget.value)}
              error={form.error('referredByText')}
            />
          </SimpleGrid>
          <TagsInput
            label={t('clients.fields.tags')}
            description={t('clients.form.tagsHint')}
            data={(tags.data ?? []).map((item) => item.tag)}
            value={values.tags}
            onChange={(next) => set('tags', next)}
            splitChars={[',']}
            maxTags={20}
            clearable
            clearButtonProps={{ 'aria-label': t('clients.form.clearTags') }}
            error={form.error('tags') ?? values.tags.map((_, i) => form.error(`tags.${i}`)).find(Boolean)}
          />
          <Switch
            label={t('clients.form.worthNurturing')}
            description={t('clients.form.worthNurturingHint')}
            checked={values.worthNurturing}
            onChange={(e) => set('worthNurturing', e.currentTarget.checked)}
          />
          <div>
            <Title order={3} size="h5" mb="xs">
              {t('clients.fields.importantDates')}
            </Title>
            <ImportantDatesFields
              value={values.importantDates}
              onChange={(importantDates, path) => form.update(path, (v) => ({ ...v, importantDates }))}
              error={form.error}
            />
          </div>
          <Textarea
            label={t('clients.fields.notes')}
            autosize
            minRows={3}
            value={values.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={form.error('notes')}
          />
        </FormSection>

        <Group justify="flex-end" gap="sm" className="sticky-actions">
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {clientId ? t('actions.save') : t('clients.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
