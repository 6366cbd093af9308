import { Chip, Group, Text } from '@mantine/core';
import { useId } from 'react';

type Option<V extends string> = { value: V; label: string };

type Props<V extends string> = {
  label: string;
  value: V[];
  options: readonly Option<V>[];
  onChange: (value: V[]) => void;
  error?: string | undefined;
  description?: string;
};

/**
 * A labelled group of toggle chips. Each chip is a real checkbox with a check mark, so the
 * selection is announced and visible without relying on colour.
 */
export function ChipGroupField<V extends string>({ label, value, options, onChange, error, description }: Props<V>) {
  const id = useId();
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy || undefined}>
      <Text id={`${id}-label`} size="sm" fw={500} mb={4}>
        {label}
      </Text>
      {description && (
        <Text id={`${id}-description`} size="xs" c="dimmed" mb={6}>
          {description}
        </Text>
      )}
      <Chip.Group<true, V> multiple value={value} onChange={onChange}>
        <Group gap="xs">
          {options.map((option) => (
            <Chip key={option.value} value={option.value} size="sm">
              {option.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error && (
        <Text id={`${id}-error`} size="xs" c="red.8" mt={4}>
          {error}
        </Text>
      )}
    </div>
  );
}
