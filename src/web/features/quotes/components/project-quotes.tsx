import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../../components/ui/bidi';
import { QuoteIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import { useQuotes } from '../api/quote-queries';
import { QuoteStatusBadge } from './quote-status';

/** The quotes a project came from and grew by (change orders), each a link to its page. */
export function ProjectQuotes({ clientId, projectId }: { clientId: string; projectId: string }) {
  const { t } = useTranslation();
  const quotes = useQuotes(clientId);
  const linked = (quotes.data ?? []).filter((quote) => quote.projectId === projectId);
  if (linked.length === 0) return null;
  return (
    <SectionCard id="project-quotes" title={t('projects.quotes.title')} icon={<QuoteIcon size={20} />}>
      <Stack
        gap={6}
        component="ul"
        aria-label={t('projects.quotes.title')}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {linked.map((quote) => (
          <Group key={quote.id} component="li" gap="xs" wrap="wrap">
            <Anchor renderRoot={(props) => <Link to="/quotes/$quoteId" params={{ quoteId: quote.id }} {...props} />}>
              <bdi dir="ltr">{quote.number}</bdi>
            </Anchor>
            <Text size="sm">
              <UserText>{quote.title}</UserText>
            </Text>
            {quote.kind === 'change_order' && (
              <Text size="xs" c="dimmed">
                {t('projects.quotes.changeOrder')}
              </Text>
            )}
            <QuoteStatusBadge status={quote.status} />
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}
