import { Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlusIcon, TrashIcon } from '../../../components/ui/icons';
import { type ContactValues, emptyContact } from './client-form-values';

const MAX_CONTACTS = 50;

type Props = {
  value: ContactValues[];
  onChange: (next: ContactValues[], path: string | null) => void;
  error: (path: string) => string | undefined;
};

/** People inside an organisation and their roles: who decides, who pays, who pushes. */
export function ContactsFields({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const replace = (index: number, patch: Partial<ContactValues>, field: string) =>
    onChange(
      value.map((c, i) => (i === index ? { ...c, ...patch } : c)),
      `contacts.${index}.${field}`,
    );

  return (
    <Stack gap="sm">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('clients.form.noContacts')}
        </Text>
      )}
      {value.map((contact, index) => {
        const path = `contacts.${index}`;
        const n = index + 1;
        return (
          <Fieldset key={contact.key} legend={t('clients.form.contactLegend', { n })} p="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('clients.form.contactName')}
                required
                value={contact.name}
                onChange={(e) => replace(index, { name: e.currentTarget.value }, 'name')}
                error={error(`${path}.name`)}
              />
              <TextInput
                label={t('clients.form.contactRole')}
                placeholder={t('clients.form.contactRolePlaceholder')}
                value={contact.role}
                onChange={(e) => replace(index, { role: e.currentTarget.value }, 'role')}
                error={error(`${path}.role`)}
              />
              <TextInput
                label={t('clients.form.contactPhone')}
                type="tel"
                dir="ltr"
                value={contact.phone}
                onChange={(e) => replace(index, { phone: e.currentTarget.value }, 'phone')}
                error={error(`${path}.phone`)}
              />
              <TextInput
                label={t('clients.form.contactEmail')}
                type="email"
                dir="ltr"
                value={contact.email}
                onChange={(e) => replace(index, { email: e.currentTarget.value }, 'email')}
                error={error(`${path}.email`)}
              />
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t('clients.form.contactNotes')}
              autosize
              minRows={1}
              value={contact.notes}
              onChange={(e) => replace(index, { notes: e.currentTarget.value }, 'notes')}
              error={error(`${path}.notes`)}
            />
            <Group justify="flex-end" mt="xs">
              <Button
                variant="subtle"
                color="red"
                size="xs"
                leftSection={<TrashIcon size={16} />}
                onClick={() =>
                  onChange(
                    value.filter((_, i) => i !== index),
                    null,
                  )
                }
              >
                {t('clients.form.removeContact', { n })}
              </Button>
            </Group>
          </Fieldset>
        );
      })}
      {value.length < MAX_CONTACTS && (
        <div>
          <Button
            variant="light"
            size="xs"
            leftSection={<PlusIcon size={16} />}
            onClick={() => onChange([...value, emptyContact()], null)}
          >
            {t('clients.form.addContact')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
