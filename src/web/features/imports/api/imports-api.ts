import {
  ZImportCommitted,
  ZImportParsed,
  ZImportPreviewed,
  type CommitImportInput,
  type PreviewImportInput,
} from '../../../../shared/schemas/imports';
import { apiRequest, apiUpload } from '../../../lib/api-client';

export const parseImportFile = (file: File) =>
  apiUpload('/imports/parse', file, ZImportParsed, new URLSearchParams({ fileName: file.name }));

export const previewImport = (input: PreviewImportInput) =>
  apiRequest('/imports/preview', ZImportPreviewed, { method: 'POST', body: input });

export const commitImport = (input: CommitImportInput) =>
  apiRequest('/imports/commit', ZImportCommitted, { method: 'POST', body: input });
