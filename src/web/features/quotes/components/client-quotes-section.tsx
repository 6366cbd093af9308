import { Button, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../components/ui/dialog-flow';
import { UserText } from '../../../components/ui/bidi';
import { Dialog } from '../../../components/ui/dialog';
import { PlusIcon, QuoteIcon, SendIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import type { Composer } from '../../../lib/composer-slot';
import { notifySuccess } from '../../../lib/notify';
import { composeTermsMessage } from '../api/quotes-api';
import { ClientQuoteList } from './quote-list';

type Props = {
  client: { id: string; name: string };
  /** The message composer (features/messages), passed in by the page. */
  composer: Composer;
};

/** The client's quotes on their page: a new quote, and the terms of work sent as a message. */
export function ClientQuotesSection({ client, composer: MessageComposer }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [termsOpen, setTermsOpen] = useState(false);
  const [termsCount, setTermsCount] = useState(0);
  const closeTerms = () => setTermsOpen(false);
  return (
    <>
      <SectionCard
        id="client-quotes"
        title={t('quotes.clientSection.title')}
        icon={<QuoteIcon size={20} />}
        actions={
          <Group gap="xs">
            <Button
              size="compact-sm"
              renderRoot={(props) => <Link to="/quotes/new" search={{ clientId: client.id }} {...props} />}
              leftSection={<PlusIcon size={16} />}
            >
              {t('quotes.new')}
            </Button>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<SendIcon size={16} />}
              onClick={() => {
                setTermsOpen(true);
                setTermsCount((n) => n + 1);
              }}
            >
              {t('quotes.clientSection.sendTerms')}
            </Button>
          </Group>
        }
      >
        <ClientQuoteList clientId={client.id} />
      </SectionCard>
      <Dialog
        key={termsCount}
        opened={termsOpen}
        onClose={closeTerms}
        title={
          <>
            {t('quotes.clientSection.termsTitle')}{' '}
            <Text span c="dimmed" fw={500}>
              <UserText>{client.name}</UserText>
            </Text>
          </>
        }
        closeLabel={t('actions.close')}
        size="lg"
        fullScreen={isPhone}
      >
        {termsOpen && (
          <MessageComposer
            request={{ kind: 'terms', clientId: client.id }}
            source={{ key: ['terms', client.id, termsCount], load: () => composeTermsMessage(client.id) }}
            clientName={client.name}
            onDone={() => {
              closeTerms();
              notifySuccess(t('quotes.clientSection.termsSent'));
            }}
            onCancel={closeTerms}
          />
        )}
      </Dialog>
    </>
  );
}
