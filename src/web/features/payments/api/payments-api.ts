import { z } from 'zod';
import { type MessageComposed, ZMessageComposed } from '../../../../shared/schemas/messages';
import { type MoneyOverview, ZMoneyOverview } from '../../../../shared/schemas/money';
import {
  type ClientBalance,
  type PaymentItem,
  type ZCreatePaymentItem,
  type ZRecordPayment,
  type ZScheduleFromQuote,
  ZClientBalance,
  ZPayment,
  ZPaymentItem,
  ZPaymentItemList,
  ZPaymentList,
  type Payment,
} from '../../../../shared/schemas/payments';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';

export type NewPaymentItem = z.input<typeof ZCreatePaymentItem>;
export type SplitPart = z.input<typeof ZScheduleFromQuote>['parts'][number];
export type RecordPaymentInput = z.input<typeof ZRecordPayment>;

export async function fetchPaymentItems(
  clientId: string | null,
  state: 'all' | 'overdue' = 'all',
): Promise<PaymentItem[]> {
  const query = new URLSearchParams({ state, ...(clientId ? { clientId } : {}) });
  return (await apiRequest('/payment-items', ZPaymentItemList, { query })).items;
}

export function fetchBalance(clientId: string): Promise<ClientBalance> {
  return apiRequest(`/clients/${encodeURIComponent(clientId)}/balance`, ZClientBalance);
}

export function createPaymentItem(input: NewPaymentItem): Promise<PaymentItem> {
  return apiRequest('/payment-items', ZPaymentItem, { method: 'POST', body: input });
}

export async function splitQuote(quoteId: string, parts: SplitPart[]): Promise<void> {
  await apiRequest('/payment-items/from-quote', z.unknown(), { method: 'POST', body: { quoteId, parts } });
}

export function cancelPaymentItem(id: string): Promise<void> {
  return apiRequestNoContent(`/payment-items/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function composeReminder(id: string): Promise<MessageComposed> {
  return apiRequest(`/payment-items/${encodeURIComponent(id)}/reminder`, ZMessageComposed, {
    method: 'POST',
    body: {},
  });
}

export async function recordPayment(input: RecordPaymentInput): Promise<void> {
  await apiRequest('/payments', ZPayment, { method: 'POST', body: input });
}

/** The Money section's figures (owed per client, late lines, this month, this week). */
export function fetchMoneyOverview(): Promise<MoneyOverview> {
  return apiRequest('/money/overview', ZMoneyOverview);
}

/** Payments received from a client, newest first. */
export async function fetchPayments(clientId: string): Promise<Payment[]> {
  return (await apiRequest('/payments', ZPaymentList, { query: new URLSearchParams({ clientId }) })).items;
}

export function deletePayment(id: string): Promise<void> {
  return apiRequestNoContent(`/payments/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
