import { Button, Collapse } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useId } from 'react';

/**
 * On a phone, secondary controls (filters) fold behind one button so the content starts near
 * the top of the screen; on wider screens they are simply shown.
 */
export function CollapsibleOnPhone({ label, children }: { label: string; children: ReactNode }) {
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [opened, { toggle }] = useDisclosure(false);
  const id = useId();
  if (!isPhone) return <>{children}</>;
  return (
    <div>
      <Button variant="default" size="sm" onClick={toggle} aria-expanded={opened} aria-controls={id}>
        {label}
      </Button>
      <Collapse expanded={opened} id={id} mt={opened ? 'sm' : 0}>
        {children}
      </Collapse>
    </div>
  );
}
