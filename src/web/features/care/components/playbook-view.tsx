import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Playbook } from '../../../../shared/schemas/care';

/** A type's playbook: the one-line hint, what works with it, and what to avoid. */
export function PlaybookView({ playbook, headingLevel = 3 }: { playbook: Playbook; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" dir="auto">
      <Text size="sm" fw={500} dir="auto">
        {playbook.hint}
      </Text>
      <div>
        <Title order={headingLevel} size="h6" mb={4}>
          {t('care.playbook.tactics')}
        </Title>
        <List size="sm" spacing={4}>
          {playbook.tactics.map((line, i) => (
            <List.Item key={i}>
              <bdi>{line}</bdi>
            </List.Item>
          ))}
        </List>
      </div>
      {playbook.avoid.length > 0 && (
        <div>
          <Title order={headingLevel} size="h6" mb={4} c="red.9">
            {t('care.playbook.avoid')}
          </Title>
          <List size="sm" spacing={4}>
            {playbook.avoid.map((line, i) => (
              <List.Item key={i}>
                <bdi>{line}</bdi>
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
