import { Button, Group } from '@mantine/core';

/** The next page of a list, asked for by the user ("Showing 50 of 1,240: show more"). */
export function ShowMore({ label, loading, onMore }: { label: string; loading: boolean; onMore: () => void }) {
  return (
    <Group justify="center">
      <Button variant="subtle" loading={loading} onClick={onMore}>
        {label}
      </Button>
    </Group>
  );
}
