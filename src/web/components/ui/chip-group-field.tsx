import { Chip, Group, Text } from '@mantine/core';
import { useId } from 'react';
import classes from './chip-group-field.module.css';

/** Labels holding user text (tags) should wrap it in Unicode isolates (shared `isolate`). */
type Option<V extends string> = { value: V; label: string };

type Props<V extends string> = {
  label: string;
  value: V[];
  options: readonly Option<V>[];
  onChange: (value: V[]) => void;
  error?: string | undefined;
  description?: string;
  /** Label and chips on one line (filters); on a phone the chips then scroll sideways. */
  inline?: boolean;
};

/**
 * A labelled group of toggle chips. Each chip is a real checkbox with a check mark, so the
 * selection is announced and visible without relying on colour.
 */
export function ChipGroupField<V extends string>({
  label,
  value,
  options,
  onChange,
  error,
  description,
  inline = false,
}: Props<V>) {
  const id = useId();
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy || undefined}
      className={inline ? classes.inline : undefined}
    >
      <Text
        id={`${id}-label`}
        size="sm"
        fw={500}
        mb={inline ? 0 : 4}
        className={inline ? classes.inlineLabel : undefined}
      >
        {label}
      </Text>
      {description && (
        <Text id={`${id}-description`} size="xs" c="dimmed" mb={6}>
          {description}
        </Text>
      )}
      <Chip.Group<true, V> multiple value={value} onChange={onChange}>
        <Group gap="xs" className={classes.chips}>
          {options.map((option) => (
            <Chip key={option.value} value={option.value} size="sm">
              {option.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error && (
        <Text id={`${id}-error`} size="xs" c="var(--mantine-color-error)" mt={4}>
          {error}
        </Text>
      )}
    </div>
  );
}
