import { Progress, Stack, Text } from '@mantine/core';

/**
 * An import on its way: how much of the file (or the rows) has been sent, then a moving bar while
 * the server works on it. `sent` is 0–1 while sending, null once the server has it all.
 */
export function UploadProgress({ sent, sending, working }: { sent: number | null; sending: string; working: string }) {
  const label = sent === null ? working : sending;
  return (
    <Stack gap={4}>
      <Progress
        value={sent === null ? 100 : Math.round(sent * 100)}
        striped={sent === null}
        animated={sent === null}
        aria-label={label}
      />
      <Text size="sm" c="dimmed" role="status">
        {label}
      </Text>
    </Stack>
  );
}
