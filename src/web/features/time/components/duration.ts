/** "1:05" for 65 minutes (hours:minutes, digits only, so it reads the same in both languages). */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}:${String(m).padStart(2, '0')}`;
}

/** "0:12:07" elapsed since an instant. */
export function formatElapsed(fromIso: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** "1:30", "90" or "1.5" (hours) → minutes; null when unreadable. */
export function parseDuration(text: string): number | null {
  const value = text.trim();
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(value);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  if (/^\d+$/.test(value)) return Number(value);
  const hours = /^(\d{1,2})[.,](\d{1,2})$/.exec(value);
  if (hours) return Math.round(Number(`${hours[1]}.${hours[2]}`) * 60);
  return null;
}
