/** One source of "now" so tests can move time (session expiry, throttling windows, due dates). */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
