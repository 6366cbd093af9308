import { formatMoney } from '../../../../shared/money';
import { currentLanguage } from '../../../lib/i18n';

/** Agorot as the reader's currency text ("₪1,500.00"). */
export function money(amount: number, currency: string): string {
  return formatMoney(amount, currency, currentLanguage());
}
