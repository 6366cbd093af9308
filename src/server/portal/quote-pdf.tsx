/** @jsxImportSource hono/jsx */
import type { Deps } from '../lib/http.js';
import { embeddedFontCss, renderPdf } from '../lib/pdf.js';
import { translate } from '../lib/i18n.js';
import { getBusinessProfile } from '../modules/accounts/accounts.service.js';
import { registerAttachmentRenderer } from '../modules/messages/messages.service.js';
import { getQuote, type PortalView } from '../modules/quotes/quotes.service.js';
import { QuoteDocument, documentCss } from './quote-document.js';

/** The printable quote: the same document as the client's page, fonts embedded, no forms. */
export function quotePrintHtml(view: PortalView): string {
  const locale = view.quote.locale;
  const page = (
    <html lang={locale} dir={locale === 'he' ? 'rtl' : 'ltr'}>
      <head>
        <meta charset="utf-8" />
        <title>{translate(locale, 'portal.title', { number: view.quote.number })}</title>
        <style>
          {embeddedFontCss() + documentCss + 'body{background:#fff}.doc{border:0;padding:0}main{padding:0}'}
        </style>
      </head>
      <body>
        <main>
          <QuoteDocument quote={view.quote} version={view.version} business={view.business} />
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${page.toString()}`;
}

export async function quotePdf(
  deps: Deps,
  scope: { workspaceId: string },
  quoteId: string,
  versionNumber?: number,
): Promise<{ filename: string; content: Buffer; contentType: string } | null> {
  const quote = await getQuote(deps, scope, quoteId);
  const version = quote.versions.find((v) => v.version === (versionNumber ?? quote.current.version)) ?? quote.current;
  const business = await getBusinessProfile(deps, scope);
  const pdf = await renderPdf(quotePrintHtml({ quote, version, business, workspaceId: scope.workspaceId }));
  return pdf ? { filename: `quote-${quote.number}.pdf`, content: pdf, contentType: 'application/pdf' } : null;
}

// The outbox attaches the PDF of exactly the version that was sent.
registerAttachmentRenderer('quote_pdf', async (deps, ref) => {
  const [workspaceId, quoteId, version] = ref.split(':');
  if (!workspaceId || !quoteId) return null;
  return quotePdf(deps, { workspaceId }, quoteId, Number(version));
});
