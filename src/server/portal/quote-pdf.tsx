/** @jsxImportSource hono/jsx */
import type { AttachmentRenderer, Deps } from '../lib/http.js';
import { embeddedFontCss, renderPdf } from '../lib/pdf.js';
import { translate } from '../lib/i18n.js';
import type { MailAttachment } from '../mail/mailer.js';
import { getBusinessProfile } from '../modules/accounts/accounts.service.js';
import type { PortalView } from '../modules/quotes/quote-links.service.js';
import { changeOrderProjectTitle, getQuote, parseQuotePdfRef, versionOf } from '../modules/quotes/quotes.service.js';
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
          <QuoteDocument
            quote={view.quote}
            version={view.version}
            business={view.business}
            projectTitle={view.projectTitle}
          />
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
): Promise<MailAttachment | null> {
  const quote = await getQuote(deps, scope, quoteId);
  const version = versionOf(quote, versionNumber);
  const business = await getBusinessProfile(deps, scope);
  const projectTitle = await changeOrderProjectTitle(deps, scope, quote);
  const pdf = await renderPdf(
    quotePrintHtml({ quote, version, business, workspaceId: scope.workspaceId, projectTitle }),
  );
  return pdf ? { filename: `quote-${quote.number}.pdf`, content: pdf, contentType: 'application/pdf' } : null;
}

/** The quote's PDF as a mail attachment (`quote_pdf`): exactly the version the ref names. */
export const renderQuotePdf: AttachmentRenderer = async (deps, ref) => {
  const target = parseQuotePdfRef(ref);
  return target ? quotePdf(deps, target.scope, target.quoteId, target.version) : null;
};
