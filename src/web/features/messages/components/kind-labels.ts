import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { messageKinds } from '../../../../shared/schemas/messages';

/**
 * Every message kind has its name, hint and composer title in both catalogs (kind-labels.test.ts
 * checks it); a code the app does not know yet (a newer server) still shows, by its code.
 */
const NAMED_KINDS = messageKinds;
type NamedKind = (typeof NAMED_KINDS)[number];

function isNamed(kind: string): kind is NamedKind {
  return (NAMED_KINDS as readonly string[]).includes(kind);
}

export function useKindLabels() {
  const { t } = useTranslation();
  const name = useCallback((kind: string) => (isNamed(kind) ? t(`messages.kinds.${kind}`) : kind), [t]);
  const hint = useCallback((kind: string) => (isNamed(kind) ? t(`messages.kindHints.${kind}`) : ''), [t]);
  const composerTitle = useCallback(
    (kind: string) => (isNamed(kind) ? t(`messages.composerTitles.${kind}`) : t('messages.composerTitleFallback')),
    [t],
  );
  return { name, hint, composerTitle };
}
