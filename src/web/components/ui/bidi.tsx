import type { ReactNode } from 'react';

/** Phones, e-mails, URLs, numbers: always left-to-right, isolated from the Hebrew around them. */
export function Ltr({ children }: { children: ReactNode }) {
  return <bdi dir="ltr">{children}</bdi>;
}

/** User-typed text (names, tags): its own direction, decided by its first strong character. */
export function UserText({ children }: { children: ReactNode }) {
  return <bdi>{children}</bdi>;
}
