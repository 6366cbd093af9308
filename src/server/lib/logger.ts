import { pino, type DestinationStream } from 'pino';
import { currentRequestId } from './request-id.js';

/**
 * Structured one-line JSON logs (pino): info to stdout, errors to stderr; "silent" (tests, scripts)
 * drops everything. A line written while a request is served carries its `requestId`.
 */
export type Logger = {
  info: (message: string, data?: Record<string, unknown>) => void;
  error: (message: string, data?: Record<string, unknown>) => void;
};

/** Keys never written as they are, wherever a caller puts them. */
const REDACT = ['cookie', 'authorization', 'password', 'token', 'csrfToken'].flatMap((k) => [k, `*.${k}`]);

/** `destination` replaces stdout and stderr (tests read the lines from it). */
export function createLogger(level: 'silent' | 'info', destination?: DestinationStream): Logger {
  if (level === 'silent') return { info: () => {}, error: () => {} };
  const stream =
    destination ??
    pino.multistream(
      [
        { level: 'info', stream: pino.destination({ dest: 1, sync: true }) },
        { level: 'error', stream: pino.destination({ dest: 2, sync: true }) },
      ],
      { dedupe: true },
    );
  const log = pino(
    {
      level,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: '[redacted]' },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    stream,
  );
  const plain = (data?: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(data ?? {}).map(([k, v]) => [k, v instanceof Error ? { message: v.message, stack: v.stack } : v]),
    );
  return {
    info: (m, d) => log.info(plain(d), m),
    error: (m, d) => log.error(plain(d), m),
  };
}
