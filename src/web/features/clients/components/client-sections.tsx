import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ComponentType, ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/schemas/clients';
import { UserText } from '../../../components/ui/bidi';
import { CalendarIcon, NoteIcon, ShareIcon, TagIcon, UserIcon, UsersIcon } from '../../../components/ui/icons';
import { ContactsList } from './contacts-list';
import { ImportantDatesList } from './important-dates-list';
import { ClientDetailsList } from './client-details-list';

export type ClientSectionProps = { client: Client; timeZone: string };

type ClientSection = {
  id: string;
  title: ParseKeys;
  icon: ReactNode;
  /** Sections without content are left out: the page never shows empty placeholders. */
  hasContent: (client: Client) => boolean;
  Component: ComponentType<ClientSectionProps>;
};

/**
 * The client hub is this list, in order. Later features (timeline, promises, quotes, projects)
 * add an entry here instead of editing the page.
 */
const sections: ClientSection[] = [
  {
    id: 'contacts',
    title: 'clients.fields.contacts',
    icon: <UsersIcon size={18} />,
    hasContent: (c) => c.contacts.length > 0,
    Component: ({ client }) => <ContactsList contacts={client.contacts} />,
  },
  {
    id: 'dates',
    title: 'clients.fields.importantDates',
    icon: <CalendarIcon size={18} />,
    hasContent: (c) => c.importantDates.length > 0,
    Component: ({ client, timeZone }) => <ImportantDatesList dates={client.importantDates} timeZone={timeZone} />,
  },
  {
    id: 'tags',
    title: 'clients.fields.tags',
    icon: <TagIcon size={18} />,
    hasContent: (c) => c.tags.length > 0,
    Component: TagsSection,
  },
  {
    id: 'notes',
    title: 'clients.fields.notes',
    icon: <NoteIcon size={18} />,
    hasContent: (c) => Boolean(c.notes),
    Component: ({ client }) => (
      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {client.notes}
      </Text>
    ),
  },
  {
    id: 'referral',
    title: 'clients.fields.referredBy',
    icon: <ShareIcon size={18} />,
    hasContent: (c) => Boolean(c.referredByClientId || c.referredByText),
    Component: ReferralSection,
  },
  {
    id: 'details',
    title: 'clients.page.details',
    icon: <UserIcon size={18} />,
    hasContent: () => true,
    Component: ({ client, timeZone }) => <ClientDetailsList client={client} timeZone={timeZone} />,
  },
];

function TagsSection({ client }: ClientSectionProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {client.tags.map((tag) => (
        <Badge
          key={tag}
          renderRoot={(props) => <Link to="/clients" search={{ tag: [tag] }} {...props} />}
          variant="default"
          size="lg"
          radius="sm"
          tt="none"
          aria-label={t('clients.page.clientsWithTag', { tag })}
          style={{ cursor: 'pointer' }}
        >
          <UserText>{tag}</UserText>
        </Badge>
      ))}
    </Group>
  );
}

function ReferralSection({ client }: ClientSectionProps) {
  const referrerId = client.referredByClientId;
  return (
    <Stack gap={4}>
      {referrerId && (
        <Anchor
          renderRoot={(props) => <Link to="/clients/$clientId" params={{ clientId: referrerId }} {...props} />}
          size="sm"
          fw={500}
        >
          <UserText>{client.referredByName ?? client.referredByClientId}</UserText>
        </Anchor>
      )}
      {client.referredByText && (
        <Text size="sm" dir="auto">
          {client.referredByText}
        </Text>
      )}
    </Stack>
  );
}

export function ClientSections({ client, timeZone }: ClientSectionProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {sections
        .filter((section) => section.hasContent(client))
        .map(({ id, title, icon, Component }) => (
          <Paper
            key={id}
            withBorder
            radius="md"
            p={{ base: 'md', sm: 'lg' }}
            component="section"
            aria-labelledby={`section-${id}`}
          >
            <Group gap="xs" mb="sm" c="dimmed">
              {icon}
              <Title order={2} size="h5" id={`section-${id}`} c="var(--mantine-color-text)">
                {t(title)}
              </Title>
            </Group>
            <Component client={client} timeZone={timeZone} />
          </Paper>
        ))}
    </Stack>
  );
}
