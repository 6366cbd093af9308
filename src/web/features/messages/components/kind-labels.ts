import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKind } from '../../../../shared/schemas/messages';

/**
 * Message kinds with their own names in the catalogs. The list of kinds grows with each issue
 * (quotes, delay notices…); a kind not named here yet still shows, by its code, instead of
 * breaking the build or the screen. Every name here must be one of the shared kinds.
 */
const NAMED_KINDS = [
  'not_forgotten',
  'meeting_summary',
  'client_reminder',
  'quote',
  'quote_error_honour',
  'quote_error_reissue',
  'terms',
  'delay_notice',
  'greeting',
  'holiday_greeting',
] as const satisfies readonly MessageKind[];
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
