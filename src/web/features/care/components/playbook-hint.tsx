import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LightbulbIcon } from '../../../components/ui/icons';
import { currentLanguage } from '../../../lib/i18n';
import { usePlaybook } from '../api/care-queries';
import { PlaybookBadge } from './playbook-badge';

/**
 * The playbook's one line for this client's type, beside the screens where it matters (the quote
 * editor, a scope request, choosing the type on the client form). Nothing when there is no type.
 */
export function PlaybookHint({ type, withBadge = true }: { type: string | null; withBadge?: boolean }) {
  const { t } = useTranslation();
  const playbook = usePlaybook(type, currentLanguage());
  if (!type || !playbook) return null;
  return (
    <Paper
      withBorder
      radius="sm"
      p="xs"
      bg="var(--mantine-color-grape-light)"
      aria-label={t('care.playbook.hintLabel')}
      component="aside"
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <LightbulbIcon size={18} style={{ flexShrink: 0, marginBlockStart: 2 }} />
        <Text size="sm" style={{ flex: 1, minInlineSize: 0 }}>
          {withBadge && (
            <>
              <PlaybookBadge type={type} size="sm" />{' '}
            </>
          )}
          <bdi>{playbook.hint}</bdi>
        </Text>
      </Group>
    </Paper>
  );
}
