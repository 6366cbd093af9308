import type { Insertable, Selectable } from 'kysely';
import type { TokenScope } from '../../../shared/schemas/tokens.js';

export type ApiTokenTable = {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  /** SHA-256 (hex) of the whole token; the token itself is never stored. */
  token_hash: string;
  prefix: string;
  scope: TokenScope;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type TokenTables = { api_tokens: ApiTokenTable };
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type NewApiTokenRow = Insertable<ApiTokenTable>;
