/** A browser's name from its user agent, roughly: enough to recognise "my phone". */
export function deviceName(userAgent: string | null): string {
  if (!userAgent) return '—';
  const os = /iPhone|iPad|Android|Windows|Mac OS X|Linux/.exec(userAgent)?.[0] ?? '';
  const browser = /Edg|Firefox|Chrome|Safari/.exec(userAgent)?.[0]?.replace('Edg', 'Edge') ?? '';
  return [browser, os.replace('Mac OS X', 'macOS')].filter(Boolean).join(' · ') || userAgent.slice(0, 60);
}
