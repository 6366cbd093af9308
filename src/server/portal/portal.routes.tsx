/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import type { Locale } from '../../shared/schemas/common.js';
import { AppError } from '../lib/app-error.js';
import { clientIp } from '../lib/client-ip.js';
import type { AppEnv } from '../lib/http.js';
import { translate } from '../lib/i18n.js';
import { decideByToken } from '../modules/quotes/acceptance.service.js';
import { viewByToken, type PortalView } from '../modules/quotes/quote-links.service.js';
import { QuoteDocument, documentCss } from './quote-document.js';
import { quotePdf } from './quote-pdf.js';
import { takeHit, type RateLimit } from '../modules/limits/limits.service.js';
import { pdfAvailable } from '../lib/pdf.js';

type FormErrors = { name?: string; agree?: string };

/**
 * The accept form checks itself before it posts (the server checks again and re-renders with what
 * was typed when scripts are off): each error by its field, the first one focused and scrolled to.
 */
const acceptScript = `(function(){var f=document.getElementById('accept');if(!f)return;
f.addEventListener('submit',function(e){var first=null;
[['name',function(i){return i.value.trim()!==''}],['agree',function(i){return i.checked}]].forEach(function(c){
var i=f.elements.namedItem(c[0]),m=document.getElementById(c[0]+'-error'),ok=c[1](i);m.hidden=ok;
if(ok){i.removeAttribute('aria-invalid');i.removeAttribute('aria-describedby')}
else{i.setAttribute('aria-invalid','true');i.setAttribute('aria-describedby',m.id);first=first||i}});
if(first){e.preventDefault();first.focus();first.scrollIntoView({block:'center'})}});})();`;

function Page({ locale, title, children }: { locale: Locale; title: string; children: unknown }) {
  return (
    <html lang={locale} dir={locale === 'he' ? 'rtl' : 'ltr'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <style>{documentCss}</style>
      </head>
      <body>
        <main>{children}</main>
        {/* A file of its own: the Content-Security-Policy allows no inline script. */}
        <script src="/q/accept.js" defer></script>
      </body>
    </html>
  );
}

function QuotePage({
  view,
  token,
  errors,
  values,
}: {
  view: PortalView;
  token: string;
  errors?: FormErrors;
  values?: { name?: string; agree?: boolean };
}) {
  const locale = view.quote.locale;
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `portal.${key}`, params);
  const status = view.version.status;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale === 'he' ? 'he-IL' : 'en-IL', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: view.business.timeZone,
    }).format(new Date(iso));
  const open = status === 'sent' || status === 'viewed';
  return (
    <Page locale={locale} title={t('title', { number: view.quote.number })}>
      {status === 'accepted' && view.version.acceptance ? (
        <p class="notice" role="status">
          {t('accepted', { name: view.version.acceptance.name, at: when(view.version.acceptance.at) })}
        </p>
      ) : null}
      {status === 'declined' ? (
        <p class="notice" role="status">
          {t('declined')}
        </p>
      ) : null}
      {status === 'expired' ? (
        <p class="notice warn" role="status">
          {t('expired', { business: view.business.name })}
        </p>
      ) : null}
      {status === 'superseded' ? (
        <p class="notice warn" role="status">
          {t('superseded')}
        </p>
      ) : null}
      {pdfAvailable() ? (
        <p class="toolbar">
          <a href={`/q/${token}/pdf`}>{t('pdf')}</a>
        </p>
      ) : null}
      <QuoteDocument
        quote={view.quote}
        version={view.version}
        business={view.business}
        projectTitle={view.projectTitle}
      />
      {open ? (
        <>
          <form id="accept" class="panel" method="post" action={`/q/${token}/accept`} novalidate>
            <h2>{t('acceptTitle')}</h2>
            {errors?.name || errors?.agree ? (
              <p class="error" role="alert">
                {t('fixBelow')}
              </p>
            ) : null}
            <label for="name">{t('acceptName')}</label>
            <input
              id="name"
              name="name"
              type="text"
              autocomplete="name"
              required
              value={values?.name ?? ''}
              autofocus={errors?.name ? true : undefined}
              aria-invalid={errors?.name ? 'true' : undefined}
              aria-describedby={errors?.name ? 'name-error' : undefined}
            />
            <p id="name-error" class="error" hidden={!errors?.name}>
              {t('nameRequired')}
            </p>
            <label class="check">
              <input
                name="agree"
                type="checkbox"
                value="yes"
                required
                checked={values?.agree ? true : undefined}
                autofocus={errors?.agree && !errors.name ? true : undefined}
                aria-invalid={errors?.agree ? 'true' : undefined}
                aria-describedby={errors?.agree ? 'agree-error' : undefined}
              />
              <span>{t('acceptAgree')}</span>
            </label>
            <p id="agree-error" class="error" hidden={!errors?.agree}>
              {t('agreeRequired')}
            </p>
            <button class="primary" type="submit">
              {t('acceptButton')}
            </button>
          </form>
          <form class="panel" method="post" action={`/q/${token}/decline`}>
            <h2>{t('declineTitle')}</h2>
            <label for="reason">{t('declineReason')}</label>
            <textarea id="reason" name="reason" rows={3} maxlength={1000}></textarea>
            <button class="secondary" type="submit">
              {t('declineButton')}
            </button>
          </form>
        </>
      ) : null}
    </Page>
  );
}

function NotFound({ locale }: { locale: Locale }) {
  return (
    <Page locale={locale} title={translate(locale, 'portal.notFoundTitle')}>
      <div class="panel">
        <h1>{translate(locale, 'portal.notFoundTitle')}</h1>
        <p>{translate(locale, 'portal.notFound')}</p>
      </div>
    </Page>
  );
}

/**
 * Per address, kept in the database so every process shares the count: the page and its PDF (a
 * Chromium print each), and the decisions. Generous for a client who opens the link a few times;
 * tight for a script that hammers it.
 */
const PORTAL_LIMITS: Record<'page' | 'pdf' | 'decision', RateLimit> = {
  page: { name: 'portal-page', limit: 60, windowMs: 60_000 },
  pdf: { name: 'portal-pdf', limit: 10, windowMs: 60_000 },
  decision: { name: 'portal-decision', limit: 10, windowMs: 10 * 60_000 },
};

function limitFor(c: Context<AppEnv>): RateLimit {
  if (c.req.method === 'POST') return PORTAL_LIMITS.decision;
  return c.req.path.endsWith('/pdf') ? PORTAL_LIMITS.pdf : PORTAL_LIMITS.page;
}

function TooMany({ locale }: { locale: Locale }) {
  return (
    <Page locale={locale} title={translate(locale, 'portal.tooManyTitle')}>
      <div class="panel">
        <h1>{translate(locale, 'portal.tooManyTitle')}</h1>
        <p>{translate(locale, 'portal.tooMany')}</p>
      </div>
    </Page>
  );
}

/** A form post must come from the page itself (the token in the path is the only credential). */
function checkOrigin(c: Context<AppEnv>): void {
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const own = c.get('deps').config.publicUrl
    ? new URL(c.get('deps').config.publicUrl!).origin
    : new URL(c.req.url).origin;
  // This page's `Referrer-Policy: no-referrer` makes the browser's form post say `Origin: null`:
  // ours only when the browser itself vouches that the post is same-origin.
  const vouched = origin === 'null' && site === 'same-origin';
  if (
    (origin && !vouched && origin !== own && origin !== new URL(c.req.url).origin) ||
    (site && site !== 'same-origin' && site !== 'none')
  )
    throw new AppError('csrf_failed');
}

/**
 * The client's page for a quote (/q/<token>): server-rendered, no JavaScript, fast on a phone,
 * in the quote's language. Unknown, expired and revoked links all get the same plain 404.
 */
async function rateLimited(c: Context<AppEnv>, next: () => Promise<void>): Promise<Response | void> {
  const decision = await takeHit(c.get('deps'), limitFor(c), clientIp(c));
  if (decision.allowed) return next();
  c.header('Retry-After', String(decision.retryAfterSeconds));
  return c.html(<TooMany locale={c.get('locale')} />, 429);
}

export const portalRoutes = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Robots-Tag', 'noindex');
  })
  // Hono's `/:token/*` matches `/:token` itself too: one count per request.
  .use('/:token/*', rateLimited)
  .get('/accept.js', (c) => c.body(acceptScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
  .get('/:token', async (c) => {
    const token = c.req.param('token');
    const view = await viewByToken(c.get('deps'), token);
    if (!view) return c.html(<NotFound locale={c.get('locale')} />, 404);
    return c.html(<QuotePage view={view} token={token} />);
  })
  .get('/:token/pdf', async (c) => {
    const view = await viewByToken(c.get('deps'), c.req.param('token'));
    if (!view) return c.html(<NotFound locale={c.get('locale')} />, 404);
    const pdf = await quotePdf(c.get('deps'), { workspaceId: view.workspaceId }, view.quote.id, view.version.version);
    if (!pdf) return c.html(<NotFound locale={view.quote.locale} />, 404);
    return c.body(new Uint8Array(pdf.content), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${pdf.filename}"`,
    });
  })
  .post('/:token/accept', async (c) => {
    checkOrigin(c);
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    const name = typeof form.name === 'string' ? form.name.trim().slice(0, 200) : '';
    const agree = form.agree === 'yes';
    if (!name || !agree) {
      const view = await viewByToken(c.get('deps'), token);
      if (!view) return c.html(<NotFound locale={c.get('locale')} />, 404);
      const t = (key: string) => translate(view.quote.locale, `portal.${key}`);
      // What was typed and ticked stays; each error sits by its field, and the first one takes the focus.
      return c.html(
        <QuotePage
          view={view}
          token={token}
          values={{ name, agree }}
          errors={{ name: name ? undefined : t('nameRequired'), agree: agree ? undefined : t('agreeRequired') }}
        />,
        422,
      );
    }
    const result = await decideByToken(
      c.get('deps'),
      token,
      { accept: true, name },
      { ip: clientIp(c), userAgent: c.req.header('user-agent') ?? null },
    ).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'conflict') return 'conflict' as const;
      throw error;
    });
    if (result === null) return c.html(<NotFound locale={c.get('locale')} />, 404);
    return c.redirect(`/q/${token}`, 303);
  })
  .post('/:token/decline', async (c) => {
    checkOrigin(c);
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    const reason = typeof form.reason === 'string' && form.reason.trim() ? form.reason.trim().slice(0, 1000) : null;
    const result = await decideByToken(
      c.get('deps'),
      token,
      { accept: false, reason },
      { ip: clientIp(c), userAgent: c.req.header('user-agent') ?? null },
    ).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'conflict') return 'conflict' as const;
      throw error;
    });
    if (result === null) return c.html(<NotFound locale={c.get('locale')} />, 404);
    return c.redirect(`/q/${token}`, 303);
  });
