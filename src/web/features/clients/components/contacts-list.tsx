import { Anchor, Group, Stack, Text } from '@mantine/core';
import { formatPhone } from '../../../../shared/phone';
import type { Contact } from '../../../../shared/schemas/clients';
import { Ltr, UserText } from '../../../components/ui/bidi';

export function ContactsList({ contacts }: { contacts: Contact[] }) {
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {contacts.map((contact) => (
        <li key={contact.id}>
          <Group gap={6} align="baseline">
            <Text fw={600} size="sm">
              <UserText>{contact.name}</UserText>
            </Text>
            {contact.role && (
              <Text size="sm" c="dimmed">
                <UserText>{contact.role}</UserText>
              </Text>
            )}
          </Group>
          <Group gap="md">
            {contact.phone && (
              <Anchor href={`tel:${contact.phone}`} size="sm">
                <Ltr>{formatPhone(contact.phone)}</Ltr>
              </Anchor>
            )}
            {contact.email && (
              <Anchor href={`mailto:${contact.email}`} size="sm">
                <Ltr>{contact.email}</Ltr>
              </Anchor>
            )}
          </Group>
          {contact.notes && (
            <Text size="sm" c="dimmed" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {contact.notes}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}
