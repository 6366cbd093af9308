import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './dialog';

/** Phones get whole-screen dialogs and cards instead of tables. */
export function useIsPhone(): boolean {
  return useMediaQuery('(max-width: 48em)') ?? false;
}

/**
 * One dialog at a time for a screen's workflows (a form, then its message…). Every opening gets a
 * new key, so each starts from fresh values; on a phone the dialog fills the screen.
 */
export function useDialogFlow<Open>() {
  const [open, setOpen] = useState<Open | null>(null);
  const [attempt, setAttempt] = useState(0);
  const show = useCallback((next: Open) => {
    setOpen(next);
    setAttempt((n) => n + 1);
  }, []);
  const close = useCallback(() => setOpen(null), []);
  const render = (title: ReactNode, body: ReactNode, size = 'lg') => (
    <FlowDialog opened={open !== null} attempt={attempt} onClose={close} title={title} size={size}>
      {body}
    </FlowDialog>
  );
  return { open, attempt, show, close, render };
}

type FlowDialogProps = {
  opened: boolean;
  /** The opening's number: a new one remounts the body, so its form starts from fresh values. */
  attempt: number;
  onClose: () => void;
  title: ReactNode;
  size?: string;
  children: ReactNode;
};

/** The dialog useDialogFlow renders, for a flow whose state lives elsewhere (a provider's). */
export function FlowDialog({ opened, attempt, onClose, title, size = 'lg', children }: FlowDialogProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Dialog
      key={attempt}
      opened={opened}
      onClose={onClose}
      title={title}
      closeLabel={t('actions.close')}
      size={size}
      fullScreen={isPhone}
    >
      {children}
    </Dialog>
  );
}
