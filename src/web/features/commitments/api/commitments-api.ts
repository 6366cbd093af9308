import type { z } from 'zod';
import {
  type Commitment,
  type CommitmentDirection,
  type CreateCommitmentInput,
  type WordKeeping,
  type ZRenegotiateCommitment,
  ZCommitment,
  ZCommitmentList,
  ZWordKeeping,
} from '../../../../shared/schemas/commitments';
import { type ZMessageDraft, ZRenegotiated } from '../../../../shared/schemas/messages';
import { apiRequest } from '../../../lib/api-client';

export type Renegotiated = z.infer<typeof ZRenegotiated>;

export type CommitmentState = 'open' | 'overdue' | 'done' | 'all';
export type CommitmentFilter = {
  clientId?: string;
  direction?: CommitmentDirection;
  state: CommitmentState;
  limit?: number;
};

function path(id: string, action?: string): string {
  return `/commitments/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}

export async function fetchCommitments(filter: CommitmentFilter, signal?: AbortSignal): Promise<Commitment[]> {
  const query = new URLSearchParams({ state: filter.state, limit: String(filter.limit ?? 100) });
  if (filter.clientId) query.set('clientId', filter.clientId);
  if (filter.direction) query.set('direction', filter.direction);
  return (await apiRequest('/commitments', ZCommitmentList, { query, ...(signal ? { signal } : {}) })).items;
}

export function createCommitment(input: CreateCommitmentInput): Promise<Commitment> {
  return apiRequest('/commitments', ZCommitment, { method: 'POST', body: input });
}

export function completeCommitment(id: string): Promise<Commitment> {
  return apiRequest(path(id, 'complete'), ZCommitment, { method: 'POST', body: {} });
}

export function reopenCommitment(id: string): Promise<Commitment> {
  return apiRequest(path(id, 'reopen'), ZCommitment, { method: 'POST' });
}

export function cancelCommitment(id: string): Promise<Commitment> {
  return apiRequest(path(id, 'cancel'), ZCommitment, { method: 'POST' });
}

/** The new due time, and the message to the client when one goes out with it. */
export type RenegotiateCommitmentInput = z.input<typeof ZRenegotiateCommitment> & {
  message?: z.input<typeof ZMessageDraft>;
};

export function renegotiateCommitment(id: string, body: RenegotiateCommitmentInput): Promise<Renegotiated> {
  return apiRequest(path(id, 'renegotiate'), ZRenegotiated, { method: 'POST', body });
}

export function fetchWordKeeping(days: number, clientId?: string, signal?: AbortSignal): Promise<WordKeeping> {
  const query = new URLSearchParams({ days: String(days) });
  if (clientId) query.set('clientId', clientId);
  return apiRequest('/commitments/word-keeping', ZWordKeeping, { query, ...(signal ? { signal } : {}) });
}
