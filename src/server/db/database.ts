import type { Kysely } from 'kysely';
import type { AccountTables } from '../modules/accounts/accounts.table.js';
import type { AuditTables } from '../modules/audit/audit.table.js';
import type { CareTables } from '../modules/care/care.table.js';
import type { ClientTables } from '../modules/clients/clients.table.js';
import type { CommitmentTables } from '../modules/commitments/commitments.table.js';
import type { ChatImportTables } from '../modules/imports/chat-import.table.js';
import type { InteractionTables } from '../modules/interactions/interactions.table.js';
import type { MessageTables } from '../modules/messages/messages.table.js';
import type { JobTables } from '../jobs/jobs.table.js';
import type { PaymentTables } from '../modules/payments/payments.table.js';
import type { ProjectTables } from '../modules/projects/projects.table.js';
import type { QuoteTables } from '../modules/quotes/quotes.table.js';
import type { LimitTables } from '../modules/limits/limits.table.js';
import type { TokenTables } from '../modules/tokens/tokens.table.js';
import type { WebhookTables } from '../modules/webhooks/webhooks.table.js';

/** The whole schema as Kysely sees it: each module contributes its own tables. */
export type Database = AccountTables &
  ClientTables &
  InteractionTables &
  CommitmentTables &
  MessageTables &
  JobTables &
  QuoteTables &
  ProjectTables &
  PaymentTables &
  CareTables &
  LimitTables &
  TokenTables &
  WebhookTables &
  AuditTables &
  ChatImportTables;

export type Dialect = 'sqlite' | 'postgres';

/**
 * What query functions take: the pool or an open transaction (a Transaction is a Kysely), whichever
 * `deps.db.kysely` holds at the moment; services decide the boundary (decision 006).
 */
export type Executor = Kysely<Database>;

export type Db = {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The PostgreSQL schema the tables live in, when one is set (tests, benchmarks, hosted tenants). */
  schema?: string;
  close: () => Promise<void>;
};
