/** Structured one-line JSON logs to stdout/stderr; "silent" (tests, scripts) drops everything. */
export type Logger = {
  info: (message: string, data?: Record<string, unknown>) => void;
  error: (message: string, data?: Record<string, unknown>) => void;
};

export function createLogger(level: 'silent' | 'info'): Logger {
  if (level === 'silent') return { info: () => {}, error: () => {} };
  const write = (stream: NodeJS.WriteStream, lvl: string, message: string, data?: Record<string, unknown>) => {
    const extra = data
      ? Object.fromEntries(
          Object.entries(data).map(([k, v]) => [k, v instanceof Error ? { message: v.message, stack: v.stack } : v]),
        )
      : {};
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...extra })}\n`);
  };
  return {
    info: (m, d) => write(process.stdout, 'info', m, d),
    error: (m, d) => write(process.stderr, 'error', m, d),
  };
}
