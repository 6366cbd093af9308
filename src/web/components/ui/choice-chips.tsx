import { Chip, Group, Text } from '@mantine/core';
import { useId } from 'react';
import classes from './chip-group-field.module.css';

export type Choice<V extends string> = { value: V; label: string; title?: string };

type Props<V extends string> = {
  label: string;
  value: V | null;
  options: readonly Choice<V>[];
  onChange: (value: V) => void;
  error?: string | undefined;
  /** The label is read by screen readers but not shown (a row of chips under a visible heading). */
  hideLabel?: boolean;
  /** On a phone the chips scroll sideways instead of wrapping. */
  scroll?: boolean;
  size?: 'xs' | 'sm';
};

/**
 * Pick one of a few options with a tap: real radio buttons sharing a name, so arrow keys move
 * between them and the choice is announced; the check mark shows it without colour.
 */
export function ChoiceChips<V extends string>({
  label,
  value,
  options,
  onChange,
  error,
  hideLabel = false,
  scroll = false,
  size = 'sm',
}: Props<V>) {
  const id = useId();
  return (
    <div role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={error ? `${id}-error` : undefined}>
      <Text id={`${id}-label`} size="sm" fw={500} mb={4} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </Text>
      <Chip.Group<false, V> value={value} onChange={onChange}>
        <Group gap={6} className={scroll ? `${classes.chips} ${classes.scroll}` : classes.chips}>
          {options.map((option) => (
            <Chip key={option.value} value={option.value} size={size} name={id} title={option.title}>
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
