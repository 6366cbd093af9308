import { Text } from '@mantine/core';

type Props = {
  text: string;
  /** The exact date and time, shown on hover and long-press. */
  exact: string;
  iso: string;
  size?: 'xs' | 'sm';
  fw?: number;
  c?: string;
};

/** A relative moment ("2 days late") that still tells the exact one when asked. */
export function When({ text, exact, iso, size = 'sm', fw, c }: Props) {
  return (
    <Text component="time" dateTime={iso} title={exact} size={size} fw={fw} c={c} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Text>
  );
}
