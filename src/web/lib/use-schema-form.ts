import { type FormEvent, useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { FieldError } from '../../shared/errors';
import { toFieldIssues } from '../../shared/validation';
import { isApiError } from './api-client';
import { notifyError } from './notify';
import { useIssueMessage } from './validation-messages';

type Options<Values, S extends z.ZodType> = {
  schema: S;
  initialValues: Values;
  /** Maps what the inputs hold to what the schema reads (e.g. a VAT percent to basis points). */
  toInput?: (values: Values) => unknown;
};

export type SchemaForm<Values, Output> = {
  values: Values;
  /**
   * Changes the values; `path` is the dotted path of the field the user edited (its errors are
   * then shown), or null for structural changes such as adding an empty row.
   */
  update: (path: string | null, updater: (values: Values) => Values) => void;
  set: <K extends keyof Values & string>(key: K, value: Values[K]) => void;
  touch: (path: string) => void;
  /** The message to show beside the field at `path`, if any. */
  error: (path: string) => string | undefined;
  /** Reveals every error under `prefix` and reports whether that part is valid (wizard steps). */
  check: (prefix: string) => boolean;
  submit: (onValid: (data: Output) => Promise<unknown> | void) => (event?: FormEvent<HTMLFormElement>) => void;
  reset: (values: Values) => void;
  setServerErrors: (fields: FieldError[]) => void;
  submitting: boolean;
  dirty: boolean;
};

function covers(prefix: string, path: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}.`);
}

/** Focus the first field that needs fixing so keyboard and screen-reader users land on it. */
function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const target = (form ?? document).querySelector<HTMLElement>('[aria-invalid="true"]');
    target?.focus();
  });
}

/**
 * Form state validated by the same zod schema the API uses: client messages while typing, the
 * server's field messages after a rejected submit, both shown at the same dotted paths.
 */
export function useSchemaForm<Values, S extends z.ZodType>({
  schema,
  initialValues,
  toInput,
}: Options<Values, S>): SchemaForm<Values, z.output<S>> {
  const [values, setValues] = useState(initialValues);
  const [baseline, setBaseline] = useState(initialValues);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [serverErrors, setServerErrorState] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [submitting, setSubmitting] = useState(false);
  const issueMessage = useIssueMessage();

  const result = useMemo(() => schema.safeParse(toInput ? toInput(values) : values), [schema, toInput, values]);

  const clientErrors = useMemo(() => {
    const map = new Map<string, string>();
    if (result.success) return map;
    for (const issue of toFieldIssues(result.error.issues)) {
      if (!map.has(issue.path)) map.set(issue.path, issueMessage(issue));
    }
    return map;
  }, [result, issueMessage]);

  const touch = useCallback((path: string) => {
    setTouched((prev) => (prev.has(path) ? prev : new Set(prev).add(path)));
  }, []);

  const update = useCallback(
    (path: string | null, updater: (prev: Values) => Values) => {
      setValues(updater);
      if (path === null) return;
      touch(path);
      setServerErrorState((prev) => {
        if (![...prev.keys()].some((key) => covers(path, key))) return prev;
        return new Map([...prev].filter(([key]) => !covers(path, key)));
      });
    },
    [touch],
  );

  const set = useCallback(
    <K extends keyof Values & string>(key: K, value: Values[K]) => update(key, (prev) => ({ ...prev, [key]: value })),
    [update],
  );

  const error = useCallback(
    (path: string) => {
      const server = serverErrors.get(path);
      if (server) return server;
      const client = clientErrors.get(path);
      if (!client) return undefined;
      return [...touched].some((prefix) => covers(prefix, path)) ? client : undefined;
    },
    [clientErrors, serverErrors, touched],
  );

  const check = useCallback(
    (prefix: string) => {
      touch(prefix);
      return ![...clientErrors.keys()].some((path) => covers(prefix, path));
    },
    [clientErrors, touch],
  );

  const setServerErrors = useCallback((fields: FieldError[]) => {
    setServerErrorState(new Map(fields.map((f) => [f.path, f.message])));
  }, []);

  const submit = useCallback(
    (onValid: (data: z.output<S>) => Promise<unknown> | void) => (event?: FormEvent<HTMLFormElement>) => {
      event?.preventDefault();
      const form = event?.currentTarget ?? null;
      touch('');
      if (!result.success) {
        focusFirstInvalid(form);
        return;
      }
      setSubmitting(true);
      Promise.resolve(onValid(result.data))
        .then(() => setBaseline(values))
        .catch((err: unknown) => {
          if (isApiError(err) && err.fields.length > 0) {
            setServerErrors(err.fields);
            focusFirstInvalid(form);
          }
          notifyError(err);
        })
        .finally(() => setSubmitting(false));
    },
    [result, setServerErrors, touch, values],
  );

  const reset = useCallback((next: Values) => {
    setValues(next);
    setBaseline(next);
    setTouched(new Set());
    setServerErrorState(new Map());
  }, []);

  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(baseline), [values, baseline]);

  return { values, update, set, touch, error, check, submit, reset, setServerErrors, submitting, dirty };
}
