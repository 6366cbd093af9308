import { useState } from 'react';
import { isApiError, type UploadProgress } from '../../../lib/api-client';

/**
 * One step of an import at a time (parse, preview, commit): its progress, and its error in the
 * user's words (the first field's message when the API names one, else `fallback`).
 * `progress` is undefined when idle, 0–1 while the body is sent, null while the server works.
 */
export function useUploadTask(fallback: string) {
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(work: (onProgress: UploadProgress) => Promise<T>): Promise<T | null> {
    setProgress(0);
    setError(null);
    try {
      return await work(setProgress);
    } catch (e) {
      setError(isApiError(e) ? (e.fields[0]?.message ?? e.message) : fallback);
      return null;
    } finally {
      setProgress(undefined);
    }
  }

  return { run, progress, busy: progress !== undefined, error, setError };
}
