import { Badge, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  id: string;
  title: string;
  icon?: ReactNode;
  /** A count in words ("2 promises"), shown beside the title. */
  count?: string | undefined;
  /** Emphasis for the count badge: red for what is late (the title says it in words too). */
  tone?: 'default' | 'danger';
  actions?: ReactNode;
  children: ReactNode;
  headingLevel?: 2 | 3;
};

/** A titled card; the title is a real heading, so screen-reader users can jump between sections. */
export function SectionCard({ id, title, icon, count, tone = 'default', actions, children, headingLevel = 2 }: Props) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
      <Group justify="space-between" gap="xs" mb="sm" wrap="wrap">
        <Group gap="xs" wrap="nowrap" c={tone === 'danger' ? 'red.9' : 'dimmed'}>
          {icon}
          <Title order={headingLevel} size="h4" id={id} c={tone === 'danger' ? 'red.9' : 'var(--mantine-color-text)'}>
            {title}
          </Title>
          {count !== undefined && (
            <Badge
              variant="light"
              color={tone === 'danger' ? 'red' : 'gray'}
              c={tone === 'danger' ? 'red.9' : 'dark.7'}
              radius="sm"
              size="md"
              // A long title wraps; the count stays whole ("הצעה א…" said nothing).
              style={{ flexShrink: 0 }}
            >
              {count}
            </Badge>
          )}
        </Group>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
