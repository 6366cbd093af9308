/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { formatMoney } from '../../shared/money.js';
import { formatPhone } from '../../shared/phone.js';
import type { BusinessProfile } from '../../shared/schemas/accounts.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { Quote, QuoteVersion } from '../../shared/schemas/quotes.js';
import { translate } from '../lib/i18n.js';

type Props = {
  quote: Quote;
  version: QuoteVersion;
  business: BusinessProfile;
  /** For a change order: the title of the project it adds to. */
  projectTitle?: string | null;
  children?: Child;
};

/**
 * Runs of numbers in user text ("9:00–18:00", "+ 30", "14"), each isolated left-to-right: inside a
 * Hebrew paragraph the bidi algorithm would otherwise reorder "9:00–18:00" into "18:00–9:00" and
 * "שוטף + 30" into "שוטף 30 +", on screen and in the PDF's text.
 */
const NUMBER_RUN = /(?:[+−-]\s?)?\d(?:[\d:.,/]*\d)?(?:\s?[–—+×-]\s?\d(?:[\d:.,/]*\d)?)*%?/g;

export function isolateNumbers(text: string): Child[] {
  const parts: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(NUMBER_RUN)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(<bdi dir="ltr">{match[0]}</bdi>);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

const LOCALE_TAG: Record<Locale, string> = { he: 'he-IL', en: 'en-IL' };

/**
 * The quote as a document: one template for the client's page, the e-mail and the printed/PDF
 * copy. Written in the quote's language (RTL for Hebrew); user data isolated with <bdi>.
 */
export function QuoteDocument({ quote, version, business, projectTitle = null, children }: Props) {
  const locale = quote.locale;
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `portal.${key}`, params);
  const money = (minor: number) => formatMoney(minor, version.currency, locale);
  const number = new Intl.NumberFormat(LOCALE_TAG[locale], { maximumFractionDigits: 3 });
  const day = (date: string) =>
    new Intl.DateTimeFormat(LOCALE_TAG[locale], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${date}T12:00:00Z`));
  const exempt = version.vatRateBasisPoints === 0;
  const termLabel = (key: string) => translate(locale, `quoteDocument.${key}`);
  const terms = version.terms;
  return (
    <article class="doc">
      <header class="doc-head">
        <div>
          <h1>{t('title', { number: quote.number })}</h1>
          <p class="muted">
            <bdi>{isolateNumbers(version.title)}</bdi> · {t('version', { version: version.version })}
          </p>
        </div>
        <dl class="meta">
          <div>
            <dt>{t('from')}</dt>
            <dd>
              <bdi>{business.name}</bdi>
              {business.businessNumber ? (
                <span class="muted">
                  {' '}
                  · <bdi dir="ltr">{business.businessNumber}</bdi>
                </span>
              ) : null}
              {business.phone || business.email ? (
                <span class="contact">
                  {business.phone ? (
                    <a href={`tel:${business.phone}`} aria-label={`${t('phone')} ${formatPhone(business.phone)}`}>
                      <bdi dir="ltr">{formatPhone(business.phone)}</bdi>
                    </a>
                  ) : null}
                  {business.email ? (
                    <a href={`mailto:${business.email}`} aria-label={`${t('email')} ${business.email}`}>
                      <bdi dir="ltr">{business.email}</bdi>
                    </a>
                  ) : null}
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t('to')}</dt>
            <dd>
              <bdi>{quote.clientName}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('date')}</dt>
            <dd>{day((version.sentAt ?? version.createdAt).slice(0, 10))}</dd>
          </div>
          <div>
            <dt>{t('validUntil')}</dt>
            <dd>{day(version.validUntil)}</dd>
          </div>
        </dl>
      </header>

      {quote.kind === 'change_order' ? (
        <p class="addition">{projectTitle ? t('changeOrder', { project: projectTitle }) : t('changeOrderNoTitle')}</p>
      ) : null}

      <table class="items">
        <thead>
          <tr>
            <th scope="col">{t('item')}</th>
            <th scope="col" class="num">
              {t('quantity')}
            </th>
            <th scope="col" class="num">
              {t('unitPrice')}
            </th>
            <th scope="col" class="num">
              {t('lineTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {version.items.map((item, i) => (
            <tr>
              <td class="what">
                <bdi>{isolateNumbers(item.description)}</bdi>
                {item.unit ? (
                  <span class="muted">
                    {' '}
                    (<bdi>{item.unit}</bdi>)
                  </span>
                ) : null}
              </td>
              <td class="num" data-label={t('quantity')}>
                <bdi dir="ltr">{number.format(item.quantity)}</bdi>
              </td>
              <td class="num" data-label={t('unitPrice')}>
                <bdi dir="ltr">{money(item.unitPrice)}</bdi>
              </td>
              <td class="num line" data-label={t('lineTotal')}>
                <bdi dir="ltr">{money(version.totals.lines[i] ?? 0)}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <dl class="totals">
        {version.totals.discount > 0 ? (
          <>
            <div>
              <dt>{t('subtotal')}</dt>
              <dd>
                <bdi dir="ltr">{money(version.totals.subtotal)}</bdi>
              </dd>
            </div>
            <div>
              <dt>{t('discount')}</dt>
              <dd>
                <bdi dir="ltr">−{money(version.totals.discount)}</bdi>
              </dd>
            </div>
          </>
        ) : null}
        {exempt ? null : (
          <>
            <div>
              <dt>{t('net')}</dt>
              <dd>
                <bdi dir="ltr">{money(version.totals.net)}</bdi>
              </dd>
            </div>
            <div>
              <dt>{t('vat', { rate: version.vatRateBasisPoints / 100 })}</dt>
              <dd>
                <bdi dir="ltr">{money(version.totals.vat)}</bdi>
              </dd>
            </div>
          </>
        )}
        <div class="grand">
          <dt>{t('total')}</dt>
          <dd>
            <bdi dir="ltr">{money(version.totals.total)}</bdi>
          </dd>
        </div>
      </dl>
      {exempt || version.pricesIncludeVat ? (
        <p class="muted small totals-note">{exempt ? t('exempt') : t('totalInclVat')}</p>
      ) : null}

      {version.notes ? (
        <section>
          <h2>{t('notes')}</h2>
          <p class="pre">
            <bdi>{isolateNumbers(version.notes)}</bdi>
          </p>
        </section>
      ) : null}

      <section>
        <h2>{t('terms')}</h2>
        <dl class="terms">
          {(
            [
              'serviceHours',
              'deliveryTime',
              'deliveryMethod',
              'paymentTerms',
              'outOfScopePolicy',
              'cancellation',
            ] as const
          ).map((key) =>
            terms[key] ? (
              <div>
                <dt>{termLabel(key)}</dt>
                <dd class="pre">
                  <bdi>{isolateNumbers(terms[key])}</bdi>
                </dd>
              </div>
            ) : null,
          )}
          {terms.revisionRounds !== null ? (
            <div>
              <dt>{termLabel('revisionRounds')}</dt>
              <dd>{terms.revisionRounds}</dd>
            </div>
          ) : null}
          {terms.clientObligations.length ? (
            <div>
              <dt>{termLabel('clientObligations')}</dt>
              <dd>
                <ul>
                  {terms.clientObligations.map((o) => (
                    <li>
                      <bdi>{isolateNumbers(o.what)}</bdi>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      {children}
    </article>
  );
}

export const documentCss = `
:root { color-scheme: light; --ink: #1a1b1e; --muted: #5c5f66; --line: #dee2e6; --accent: #0b6e69; }
* { box-sizing: border-box; }
body { margin: 0; font-family: Heebo, Arial, Helvetica, sans-serif; color: var(--ink); background: #f8f9fa; line-height: 1.55; }
main { max-width: 52rem; margin-inline: auto; padding: 1rem; }
.doc { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 1.25rem; }
h1 { font-size: 1.5rem; margin: 0; } h2 { font-size: 1.1rem; margin-block: 1.5rem 0.5rem; }
.muted { color: var(--muted); } .small { font-size: 0.85rem; } .pre { white-space: pre-line; margin: 0; }
.doc-head { display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; border-block-end: 1px solid var(--line); padding-block-end: 1rem; }
.meta { display: grid; grid-template-columns: repeat(2, minmax(8rem, auto)); gap: 0.25rem 1.5rem; margin: 0; }
.meta dt, .terms dt { font-size: 0.8rem; color: var(--muted); } .meta dd, .terms dd { margin: 0; }
.items { width: 100%; border-collapse: collapse; margin-block: 1rem; }
.items th { text-align: start; font-size: 0.8rem; color: var(--muted); border-block-end: 1px solid var(--line); padding: 0.4rem; }
.items td { padding: 0.5rem 0.4rem; border-block-end: 1px solid var(--line); vertical-align: top; }
.num { text-align: end; white-space: nowrap; }
.totals { margin-inline-start: auto; max-width: 20rem; margin-block-end: 0; } .totals-note { text-align: end; margin-block: 0.25rem 0; }
.contact { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; font-size: 0.9rem; } .contact a { color: var(--accent); }
.addition { border-inline-start: 4px solid var(--accent); background: #e6f4f3; padding: 0.6rem 0.9rem; border-radius: 8px; margin-block: 1rem 0; }
.totals div { display: flex; justify-content: space-between; gap: 1rem; padding-block: 0.2rem; } .totals dd { margin: 0; }
.totals .grand { font-weight: 700; font-size: 1.15rem; border-block-start: 2px solid var(--ink); margin-block-start: 0.3rem; padding-block-start: 0.4rem; }
.terms div { padding-block: 0.4rem; border-block-end: 1px dashed var(--line); } .terms ul { margin: 0; padding-inline-start: 1.2rem; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 1.25rem; margin-block-start: 1rem; }
.notice { border-inline-start: 4px solid var(--accent); background: #e6f4f3; padding: 0.75rem 1rem; border-radius: 8px; margin-block-end: 1rem; }
.notice.warn { border-color: #c92a2a; background: #fff5f5; }
label { display: block; font-weight: 500; margin-block: 0.75rem 0.25rem; }
input[type=text], textarea { width: 100%; font: inherit; padding: 0.6rem; border: 1px solid #adb5bd; border-radius: 8px; }
.check { display: flex; gap: 0.5rem; align-items: flex-start; font-weight: 400; }
button { font: inherit; font-weight: 600; border: 0; border-radius: 8px; padding: 0.7rem 1.2rem; cursor: pointer; margin-block-start: 0.75rem; }
.primary { background: var(--accent); color: #fff; } .secondary { background: #e9ecef; color: var(--ink); }
:focus-visible { outline: 3px solid #1c7ed6; outline-offset: 2px; }
.error { color: #c92a2a; font-size: 0.9rem; margin: 0.25rem 0 0; } .error[hidden] { display: none; }
[aria-invalid=true] { border-color: #c92a2a; outline: 2px solid #c92a2a; }
@media (max-width: 36rem) {
  .items thead { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); }
  .items tr { display: grid; grid-template-columns: 1fr 1fr; gap: 0.1rem 1rem; padding-block: 0.5rem; border-block-end: 1px solid var(--line); }
  .items td { border: 0; padding: 0; }
  .items td.what { grid-column: 1 / -1; font-weight: 500; }
  .items td.num { text-align: start; }
  .items td.num::before { content: attr(data-label); color: var(--muted); font-size: 0.85rem; margin-inline-end: 0.4rem; }
  .items td.line::before { content: none; }
  .items td.line { grid-column: 1 / -1; text-align: end; font-weight: 600; }
}
.toolbar { display: flex; justify-content: flex-end; margin-block-end: 0.5rem; }
@media print { body { background: #fff; } main { padding: 0; } .panel, .toolbar, form { display: none; } .doc { border: 0; } }
`;
