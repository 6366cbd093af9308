import { Center, Loader, VisuallyHidden } from '@mantine/core';

/** A spinner that screen readers announce (a bare spinner says nothing). */
export function Loading({ label, py = 'xl' }: { label: string; py?: 'xs' | 'sm' | 'md' | 'lg' | 'xl' }) {
  return (
    <Center py={py} role="status">
      <Loader size="sm" />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}
