import type { ReactNode } from 'react';

/** The client picker lives in the clients feature; the page passes it in as this slot. */
export type ClientFieldProps = {
  value: string | null;
  valueLabel: string | null;
  onChange: (id: string | null, name: string | null) => void;
  error: string | undefined;
};

export type RenderClientField = (props: ClientFieldProps) => ReactNode;
