import { Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const steps = ['apologise', 'nameIt', 'fix', 'compensate', 'keepShort', 'listen'] as const;

/**
 * Seed 003, before calling the client: a short outline is written (the record), then the call
 * goes apology → the mistake by name → the fix → compensation, short, and then listening.
 * Ticking is for the call itself and is not saved.
 */
export function ApologyChecklist() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-blue-light)" component="section" aria-labelledby={id}>
      <Title order={3} size="h6" id={id} mb={4}>
        {t('care.apologyChecklist.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('care.mistakes.checklistIntro')}
      </Text>
      <Stack gap={6}>
        {steps.map((step) => (
          <Checkbox key={step} size="sm" label={t(`care.apologyChecklist.${step}`)} />
        ))}
      </Stack>
    </Paper>
  );
}
