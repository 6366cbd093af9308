import type { Insertable, Selectable } from 'kysely';

/** What the client should pay and when (a schedule line); Mila tracks money, it issues no tax invoices. */
export type PaymentItemTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  project_id: string | null;
  quote_id: string | null;
  label: string;
  amount: number;
  currency: string;
  due_date: string;
  cancelled_at: string | null;
  created_at: string;
};

export type PaymentTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  payment_item_id: string | null;
  amount: number;
  currency: string;
  received_on: string;
  method: string | null;
  note: string | null;
  created_at: string;
};

export type TimeEntryTable = {
  id: string;
  workspace_id: string;
  user_id: string;
  client_id: string;
  project_id: string | null;
  started_at: string;
  /** null while the timer runs. */
  ended_at: string | null;
  minutes: number | null;
  note: string | null;
  created_at: string;
};

export type PaymentTables = { payment_items: PaymentItemTable; payments: PaymentTable; time_entries: TimeEntryTable };
export type PaymentItemRow = Selectable<PaymentItemTable>;
export type PaymentRow = Selectable<PaymentTable>;
export type TimeEntryRow = Selectable<TimeEntryTable>;
export type NewPaymentItemRow = Insertable<PaymentItemTable>;
export type NewPaymentRow = Insertable<PaymentTable>;
export type NewTimeEntryRow = Insertable<TimeEntryTable>;
