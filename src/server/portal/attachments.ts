import type { AttachmentRenderer } from '../lib/http.js';
import { QUOTE_PDF } from '../modules/quotes/quotes.service.js';
import { renderQuotePdf } from './quote-pdf.js';

/**
 * Every attachment kind the outbox can draw at delivery, wired into `Deps` at start-up (main.ts
 * and the test deps): the outbox reaches no module, and a kind missing here is logged, not lost.
 */
export function attachmentRenderers(): Record<string, AttachmentRenderer> {
  return { [QUOTE_PDF]: renderQuotePdf };
}
