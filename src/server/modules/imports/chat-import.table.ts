import type { Selectable } from 'kysely';

/** One imported chat message's stable key (decision 012), and the contact it went into. */
export type ChatImportMessageTable = {
  workspace_id: string;
  message_key: string;
  client_id: string;
  interaction_id: string;
  created_at: string;
};

export type ChatImportTables = { chat_import_messages: ChatImportMessageTable };
export type ChatImportMessageRow = Selectable<ChatImportMessageTable>;
