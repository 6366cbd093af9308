import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryRoots } from '../../../lib/query-keys';
import {
  type NewPaymentItem,
  type RecordPaymentInput,
  type SplitPart,
  cancelPaymentItem,
  deletePayment,
  fetchPayments,
  createPaymentItem,
  fetchBalance,
  fetchMoneyOverview,
  fetchPaymentItems,
  recordPayment,
  splitQuote,
} from './payments-api';

export const paymentKeys = {
  all: queryRoots.payments,
  items: (clientId: string | null) => [...queryRoots.payments, 'items', clientId] as const,
  balance: (clientId: string) => [...queryRoots.payments, 'balance', clientId] as const,
  overview: [...queryRoots.payments, 'overview'] as const,
  received: (clientId: string) => [...queryRoots.payments, 'received', clientId] as const,
};

export function usePaymentItems(clientId: string) {
  return useQuery({ queryKey: paymentKeys.items(clientId), queryFn: () => fetchPaymentItems(clientId) });
}

/** Time entries change the week's hours too, so the overview is refetched whenever it is opened. */
export function useMoneyOverview() {
  return useQuery({ queryKey: paymentKeys.overview, queryFn: fetchMoneyOverview, refetchOnMount: 'always' });
}

export function useBalance(clientId: string) {
  return useQuery({ queryKey: paymentKeys.balance(clientId), queryFn: () => fetchBalance(clientId) });
}

/** Money moves the balance, the schedule and Today's "payments late". */
function useRefreshMoney() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: paymentKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryRoots.today });
  };
}

export function useCreatePaymentItem() {
  const refresh = useRefreshMoney();
  return useMutation({ mutationFn: (input: NewPaymentItem) => createPaymentItem(input), onSuccess: refresh });
}

export function useSplitQuote() {
  const refresh = useRefreshMoney();
  return useMutation({
    mutationFn: ({ quoteId, parts }: { quoteId: string; parts: SplitPart[] }) => splitQuote(quoteId, parts),
    onSuccess: refresh,
  });
}

export function useCancelPaymentItem() {
  const refresh = useRefreshMoney();
  return useMutation({ mutationFn: (id: string) => cancelPaymentItem(id), onSuccess: refresh });
}

export function useRecordPayment() {
  const refresh = useRefreshMoney();
  return useMutation({ mutationFn: (input: RecordPaymentInput) => recordPayment(input), onSuccess: refresh });
}

export function usePayments(clientId: string) {
  return useQuery({ queryKey: paymentKeys.received(clientId), queryFn: () => fetchPayments(clientId) });
}

export function useDeletePayment() {
  const refresh = useRefreshMoney();
  return useMutation({ mutationFn: (id: string) => deletePayment(id), onSuccess: refresh });
}
