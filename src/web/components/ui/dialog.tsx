import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  closeLabel: string;
  children: ReactNode;
  size?: string;
  centered?: boolean;
  yOffset?: string;
  /** Phones: the whole screen, so a long form is not a cramped box over the page. */
  fullScreen?: boolean;
};

/**
 * Mantine's Modal renders its header as <header>, which is a second "banner" landmark on the
 * page; this one uses a plain div and a labelled close button.
 */
export function Dialog({
  opened,
  onClose,
  title,
  closeLabel,
  children,
  size = 'md',
  centered = false,
  yOffset,
  fullScreen = false,
}: Props) {
  return (
    <Modal.Root
      opened={opened}
      onClose={onClose}
      size={size}
      centered={centered}
      fullScreen={fullScreen}
      {...(yOffset ? { yOffset } : {})}
    >
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label={closeLabel} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
