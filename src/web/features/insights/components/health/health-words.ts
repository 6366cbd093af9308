import type { TFunction } from 'i18next';
import type { HealthReason, HealthSignalKind, Severity } from '../../../../../shared/schemas/insights';
import { formatAmount, formatNumber, formatShare } from '../../../../lib/format';

/** Under this the client is "at risk" (the server's `at_risk` filter uses the same line). */
export const AT_RISK_SCORE = 60;
/** From this the client is in good health; between the two, worth watching. */
export const GOOD_SCORE = 80;

export type ScoreBand = 'good' | 'watch' | 'at_risk';

export function scoreBand(score: number): ScoreBand {
  if (score < AT_RISK_SCORE) return 'at_risk';
  return score < GOOD_SCORE ? 'watch' : 'good';
}

/** Colour is never alone: every band and severity has a word and an icon beside it. */
export const bandColor: Record<ScoreBand, string> = { good: 'green', watch: 'yellow', at_risk: 'red' };
export const severityColor: Record<Severity, string> = { low: 'yellow', medium: 'orange', high: 'red' };

/** Text on a light badge of that hue, checked for 4.5:1 (only red's own dark shade is dark enough). */
export function badgeText(color: string): string {
  return color === 'red' ? 'red.9' : 'dark.7';
}

/** Minutes as "12.5 hours" (one decimal). */
export function hoursText(minutes: number, t: TFunction): string {
  return t('health.units.hours', { count: Math.round(minutes / 6) / 10 });
}

/** Agorot an hour as "₪150.00 an hour"; "—" when there are no hours to divide by. */
export function perHour(rate: number | null, currency: string, t: TFunction): string {
  return rate === null ? t('health.noRate') : t('health.units.perHour', { amount: formatAmount(rate, currency) });
}

/**
 * One reason in words, with the numbers the rule used: the score is never a black box. The
 * catalog sentence gets every param already formatted for the reader's language.
 */
export function reasonText(reason: HealthReason, currency: string, intl: string, t: TFunction): string {
  const p = reason.params;
  const n = (key: string) => p[key] ?? 0;
  switch (reason.reason) {
    case 'effort_vs_median':
      return t('health.reasons.effort_vs_median', {
        hours: hoursText(n('minutes'), t),
        median: hoursText(n('medianMinutes'), t),
        ratio: formatNumber(n('ratio'), intl),
      });
    case 'rate_vs_median':
      return t('health.reasons.rate_vs_median', {
        rate: perHour(n('rate'), currency, t),
        median: perHour(n('medianRate'), currency, t),
        share: formatShare(n('ratio'), intl),
      });
    case 'contacts_per_month':
      return t('health.reasons.contacts_per_month', {
        perMonth: formatNumber(n('perMonth'), intl),
        threshold: formatNumber(n('threshold'), intl),
      });
    case 'silent_days':
    case 'never_contacted':
      return t(`health.reasons.${reason.reason}`, { count: n('days'), threshold: n('threshold') });
    case 'late_payments':
      return t('health.reasons.late_payments', {
        count: n('count'),
        days: t('health.units.days', { count: n('daysLate') }),
      });
    default:
      return t(`health.reasons.${reason.reason}`, { count: n('count') });
  }
}

export function pointsText(points: number, t: TFunction): string {
  return t('health.points', { count: points });
}

export function signalName(signal: HealthSignalKind, t: TFunction): string {
  return t(`health.signals.${signal}`);
}
