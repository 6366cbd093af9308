import {
  ZImportCommitted,
  ZImportParsed,
  ZImportPreviewed,
  type CommitImportInput,
  type PreviewImportInput,
} from '../../../../shared/schemas/imports';
import { apiPostLarge, apiUpload, type UploadProgress } from '../../../lib/api-client';

export const parseImportFile = (file: File, onProgress?: UploadProgress) =>
  apiUpload('/imports/parse', file, ZImportParsed, new URLSearchParams({ fileName: file.name }), onProgress);

// The rows go back to the server on preview and commit: up to 50,000 of them, so with progress.
export const previewImport = (input: PreviewImportInput, onProgress?: UploadProgress) =>
  apiPostLarge('/imports/preview', input, ZImportPreviewed, onProgress);

export const commitImport = (input: CommitImportInput, onProgress?: UploadProgress) =>
  apiPostLarge('/imports/commit', input, ZImportCommitted, onProgress);
