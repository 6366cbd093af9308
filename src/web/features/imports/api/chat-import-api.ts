import { ZChatCommitted, ZChatPreview, type ChatPromiseChoice } from '../../../../shared/schemas/chat-import';
import { apiDownloadFile, apiUploadForm, type UploadProgress } from '../../../lib/api-client';

function chatForm(file: File, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set('file', file);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

const base = (clientId: string) => `/imports/whatsapp/${encodeURIComponent(clientId)}`;

/** Without `me`: who wrote. With `me`: what the import would add and the promises found. */
export const previewChat = (clientId: string, file: File, me: string | null, onProgress?: UploadProgress) =>
  apiUploadForm(`${base(clientId)}/preview`, chatForm(file, me ? { me } : {}), ZChatPreview, onProgress);

export const commitChat = (
  clientId: string,
  file: File,
  me: string,
  promises: ChatPromiseChoice[],
  onProgress?: UploadProgress,
) =>
  apiUploadForm(
    `${base(clientId)}/commit`,
    chatForm(file, { me, promises: JSON.stringify(promises) }),
    ZChatCommitted,
    onProgress,
  );

/** The chat shared from the phone's share sheet, held once under its token (decision 012). */
export const fetchSharedChat = (token: string) =>
  apiDownloadFile(`/imports/whatsapp/shared/${encodeURIComponent(token)}`, 'chat.txt');
