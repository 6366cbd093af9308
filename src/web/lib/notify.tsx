import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { isApiError } from './api-client';
import { i18n } from './i18n';

function closeProps() {
  return { 'aria-label': i18n.t('actions.dismiss') };
}

/** Under a title Mantine greys the message out (3.3:1 on white, under AA): it keeps the text colour. */
export const readableDescription = { description: { color: 'var(--mantine-color-text)' } } as const;

export function notifySuccess(message: ReactNode, options: { id?: string; autoClose?: number } = {}): string {
  return notifications.show({
    message,
    color: 'teal',
    autoClose: options.autoClose ?? 4000,
    closeButtonProps: closeProps(),
    ...(options.id ? { id: options.id } : {}),
  });
}

/** The API's message is already in the request language; anything else gets a generic sentence. */
export function notifyError(error: unknown): void {
  const message = isApiError(error) ? error.message : i18n.t('errors.internal', { ns: 'shared' });
  notifications.show({
    message,
    color: 'red',
    title: i18n.t('errors.title'),
    styles: readableDescription,
    autoClose: 8000,
    closeButtonProps: closeProps(),
  });
}

export function hideNotification(id: string): void {
  notifications.hide(id);
}

/**
 * A confirmation with one thing to do next (Undo, Send the summary): pressing it closes the
 * message first. Stays longer than a plain confirmation so there is time to read and press.
 */
export function notifyWithAction(
  message: string,
  action: { label: string; onClick: () => void },
  options: { id: string; autoClose?: number },
): void {
  const { id } = options;
  const onClick = () => {
    hideNotification(id);
    action.onClick();
  };
  notifySuccess(
    <Group gap="sm" justify="space-between" wrap="nowrap">
      <Text size="sm">{message}</Text>
      <Button size="compact-sm" variant="light" onClick={onClick}>
        {action.label}
      </Button>
    </Group>,
    { id, autoClose: options.autoClose ?? 10_000 },
  );
}
