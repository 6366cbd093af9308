import { Alert, Anchor, Stack } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Quote, QuoteVersion } from '../../../../shared/schemas/quotes';
import { UserText } from '../../../components/ui/bidi';
import { AlertIcon } from '../../../components/ui/icons';
import { useProject } from '../api/quote-queries';
import { AcceptanceCard, QuoteVersionView } from './quote-view';

type Props = {
  quote: Quote;
  /** The version on screen: the current one, or an earlier one picked in the history. */
  shown: QuoteVersion;
  timeZone: string;
  exempt: boolean;
  onBackToCurrent: () => void;
};

/** A quote that is not being edited: what happened to it (declined, honoured, accepted) and its text. */
export function QuoteReadView({ quote, shown, timeZone, exempt, onBackToCurrent }: Props) {
  const { t } = useTranslation();
  const project = useProject(quote.projectId);
  return (
    <Stack gap="md">
      {shown.version !== quote.current.version && (
        <Alert color="gray" variant="light" c="dark.7" icon={<AlertIcon />}>
          {t('quotes.view.readOnlyVersion', { n: shown.version })}{' '}
          <Anchor component="button" type="button" size="sm" onClick={onBackToCurrent}>
            {t('quotes.view.backToCurrent')}
          </Anchor>
        </Alert>
      )}
      {quote.status === 'declined' && (
        <Alert color="red" variant="light" c="dark.7" icon={<AlertIcon />} title={t('quotes.status.declined')}>
          {quote.current.declineReason ? (
            <UserText>{quote.current.declineReason}</UserText>
          ) : (
            t('quotes.view.noDeclineReason')
          )}
        </Alert>
      )}
      {quote.errorHandling?.mode === 'honour' && (
        <Alert color="orange" variant="light" c="dark.7" icon={<AlertIcon />}>
          {t('quotes.mistake.honoured')}
          {quote.errorHandling.reason ? (
            <>
              {t('common.labelSeparator')}
              <UserText>{quote.errorHandling.reason}</UserText>
            </>
          ) : null}
        </Alert>
      )}
      <AcceptanceCard
        version={quote.current}
        project={project.data ?? null}
        timeZone={timeZone}
        renderProjectTitle={(p) => (
          <Anchor renderRoot={(props) => <Link to="/projects/$projectId" params={{ projectId: p.id }} {...props} />}>
            <UserText>{p.title}</UserText>
          </Anchor>
        )}
      />
      <QuoteVersionView version={shown} exempt={exempt} idPrefix={`v${shown.version}`} />
    </Stack>
  );
}
