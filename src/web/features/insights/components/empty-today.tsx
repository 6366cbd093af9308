import { Button, EmptyState, List, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PhoneIcon, PlusIcon, PromiseIcon, SunIcon } from '../../../components/ui/icons';

type Props = { hasClients: boolean | undefined; onLogContact: () => void; onAddPromise: () => void };

/** An empty Today teaches what it is for, and offers the one next step. */
export function EmptyToday({ hasClients, onLogContact, onAddPromise }: Props) {
  const { t } = useTranslation();
  return (
    <EmptyState py="lg" variant="light" color="mila" icon={<SunIcon size={28} />}>
      <EmptyState.Title order={2}>
        {hasClients === false ? t('today.empty.titleFirst') : t('today.empty.title')}
      </EmptyState.Title>
      <EmptyState.Description>{t('today.empty.description')}</EmptyState.Description>
      <List size="sm" spacing={4} mt="xs" ta="start" style={{ maxInlineSize: '30rem', marginInline: 'auto' }}>
        <List.Item>{t('today.empty.itemToday')}</List.Item>
        <List.Item>{t('today.empty.itemLate')}</List.Item>
        <List.Item>{t('today.empty.itemTheirs')}</List.Item>
        <List.Item>{t('today.empty.itemWaiting')}</List.Item>
        <List.Item>{t('today.empty.itemQuotes')}</List.Item>
        <List.Item>{t('today.empty.itemGreetings')}</List.Item>
      </List>
      <Text size="sm" c="dimmed" mt="sm">
        {hasClients === false ? t('today.empty.startFirst') : t('today.empty.start')}
      </Text>
      <EmptyState.Actions>
        {hasClients === false ? (
          <Button component={Link} to="/clients/new" leftSection={<PlusIcon size={18} />}>
            {t('today.empty.addClient')}
          </Button>
        ) : (
          <>
            <Button onClick={onLogContact} leftSection={<PhoneIcon size={18} />}>
              {t('today.empty.logContact')}
            </Button>
            <Button variant="light" onClick={onAddPromise} leftSection={<PromiseIcon size={18} />}>
              {t('today.empty.addPromise')}
            </Button>
          </>
        )}
      </EmptyState.Actions>
    </EmptyState>
  );
}
