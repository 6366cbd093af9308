import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/accounts/api/session-api';
import { MistakesList } from '../../features/care/components/mistakes-list';
import { MessageComposer } from '../../features/messages/components/message-composer';
import { usePageTitle } from '../../lib/use-page-title';

const route = getRouteApi('/_app/insights/mistakes');

/** Every mistake and the step that keeps it from happening again (Insights › Mistakes). */
export function MistakesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  usePageTitle(t('care.mistakes.listTitle'));
  return (
    <Stack gap="md">
      <div>
        <Anchor size="sm" renderRoot={(props) => <Link to="/insights" {...props} />}>
          {t('nav.insights')}
        </Anchor>
        <Title order={1} size="h2">
          {t('care.mistakes.listTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('care.mistakes.listIntro')}
        </Text>
      </div>
      <MistakesList
        filters={filters}
        onFiltersChange={(next) =>
          void navigate({
            search: { ...(next.cause ? { cause: next.cause } : {}), ...(next.status ? { status: next.status } : {}) },
            replace: true,
          })
        }
        currency={me.workspace.currency}
        timeZone={me.workspace.timeZone}
        composer={MessageComposer}
      />
    </Stack>
  );
}
