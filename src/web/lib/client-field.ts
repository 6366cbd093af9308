import type { ReactNode } from 'react';
import type { SchemaForm } from './use-schema-form';

/**
 * The client picker belongs to the clients feature; a form in another feature gets it from the
 * page through this slot, and fills it from its own `clientId` / `clientName` values.
 */
export type ClientFieldProps = {
  value: string | null;
  valueLabel: string | null;
  onChange: (id: string | null, name: string | null) => void;
  error: string | undefined;
};

export type RenderClientField = (props: ClientFieldProps) => ReactNode;

type WithClient = { clientId: string | null; clientName: string | null };

/** The slot's props for a schema form that holds the chosen client. */
export function clientFieldOf<Values extends WithClient, Output>(form: SchemaForm<Values, Output>): ClientFieldProps {
  return {
    value: form.values.clientId,
    valueLabel: form.values.clientName,
    onChange: (id, name) => form.update('clientId', (v) => ({ ...v, clientId: id, clientName: name })),
    error: form.error('clientId'),
  };
}
