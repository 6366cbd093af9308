import { SegmentedControl, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import type { Choice } from './choice-chips';

type Props<V extends string> = {
  label: ReactNode;
  value: V;
  options: readonly Choice<V>[];
  onChange: (value: V) => void;
  size?: 'xs' | 'sm';
  fullWidth?: boolean;
  /** Read by screen readers but not shown (the card's heading already says it). */
  hideLabel?: boolean;
};

/** Two or three segments under a real label: the label names the group for screen readers too. */
export function LabelledSegments<V extends string>({
  label,
  value,
  options,
  onChange,
  size,
  fullWidth,
  hideLabel = false,
}: Props<V>) {
  const id = useId();
  return (
    <div>
      {hideLabel ? (
        <Text id={id} className="visually-hidden">
          {label}
        </Text>
      ) : (
        <Text id={id} size="sm" fw={500} mb={4}>
          {label}
        </Text>
      )}
      <SegmentedControl
        aria-labelledby={id}
        {...(size ? { size } : {})}
        {...(fullWidth ? { fullWidth } : {})}
        value={value}
        onChange={(next) => onChange(options.find((o) => o.value === next)?.value ?? value)}
        data={options.map((o) => ({ value: o.value, label: o.label }))}
      />
    </div>
  );
}
