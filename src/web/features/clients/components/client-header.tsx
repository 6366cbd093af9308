import { Button, Flex, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Personality } from '../../../../shared/schemas/clients';
import { UserText } from '../../../components/ui/bidi';
import { BuildingIcon, ClockIcon, EditIcon, UserIcon } from '../../../components/ui/icons';
import { WeeklyHoursSummary } from '../../../components/ui/weekly-hours-summary';
import { ArchiveActions } from './archive-actions';
import { ArchivedBadge, PersonalityBadge, StatusBadge } from './client-badges';
import { ContactButtonActions } from './contact-actions';

type Props = {
  client: Client;
  actions?: ReactNode;
  /** The type badge that opens its playbook (features/care), passed in by the page; a plain badge without it. */
  renderType?: (personality: Personality) => ReactNode;
  /** More badges beside the status (the health score, features/insights), passed in by the page. */
  badges?: ReactNode;
};

export function ClientHeader({ client, actions, renderType, badges }: Props) {
  const { t } = useTranslation();
  const KindIcon = client.kind === 'organization' ? BuildingIcon : UserIcon;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Flex
          direction={{ base: 'column', sm: 'row' }}
          justify="space-between"
          align={{ base: 'stretch', sm: 'flex-start' }}
          gap="sm"
        >
          <Stack gap={6} style={{ minInlineSize: 0, flex: 1 }}>
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              <UserText>{client.name}</UserText>
            </Title>
            <Group gap="xs">
              <Group gap={4} c="dimmed" wrap="nowrap">
                <KindIcon size={16} />
                <Text size="sm">{t(`clientKinds.${client.kind}`)}</Text>
              </Group>
              <StatusBadge status={client.status} />
              {client.personality &&
                (renderType ? renderType(client.personality) : <PersonalityBadge personality={client.personality} />)}
              {client.archivedAt && <ArchivedBadge />}
              {badges}
            </Group>
          </Stack>
          <Group gap="xs">
            {actions}
            <Button
              renderRoot={(props) => <Link to="/clients/$clientId/edit" params={{ clientId: client.id }} {...props} />}
              leftSection={<EditIcon size={18} />}
              variant={actions ? 'default' : 'filled'}
            >
              {t('actions.edit')}
            </Button>
            <ArchiveActions client={client} />
          </Group>
        </Flex>

        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {client.channel
              ? t('clients.agreedChannel', { channel: t(`channels.${client.channel}`) })
              : t('clients.page.noAgreedChannel')}
          </Text>
          <ContactButtonActions
            name={client.name}
            phone={client.phone}
            whatsapp={client.whatsapp}
            email={client.email}
            channel={client.channel}
          />
        </Stack>

        <Group gap="xs" align="flex-start" wrap="nowrap">
          <ClockIcon size={18} />
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {client.serviceHours ? t('clients.page.ownHours') : t('clients.page.businessHours')}
            </Text>
            <WeeklyHoursSummary hours={client.effectiveServiceHours} />
          </Stack>
        </Group>
      </Stack>
    </Paper>
  );
}
