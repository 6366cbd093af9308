import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import sharedHe from '../../shared/locales/he.json';
import type { FieldIssue } from '../../shared/validation';

type ValidationCode = keyof typeof sharedHe.validation;

function isValidationCode(code: string): code is ValidationCode {
  return Object.hasOwn(sharedHe.validation, code);
}

/** Turns a validation code into the same sentence the API would send, from the shared catalog. */
export function useIssueMessage(): (issue: FieldIssue) => string {
  const { t } = useTranslation('shared');
  return useCallback(
    (issue: FieldIssue) =>
      isValidationCode(issue.code) ? t(`validation.${issue.code}`, issue.params) : t('validation.invalid_type'),
    [t],
  );
}
