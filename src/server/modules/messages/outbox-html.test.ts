import { describe, expect, it } from 'vitest';
import { textToHtml } from './outbox.service.js';

describe('the HTML part of an e-mail', () => {
  it('makes the quote link a real link, punctuation outside it, in a Hebrew RTL mail', () => {
    const html = textToHtml('שלום דוד,\n\nההצעה כאן: https://mila.example/q/AbC_123-xyz.\nתודה', 'he');
    expect(html).toContain('dir="rtl"');
    expect(html).toContain(
      '<a href="https://mila.example/q/AbC_123-xyz" dir="ltr">https://mila.example/q/AbC_123-xyz</a>.<br>תודה',
    );
  });

  it('escapes everything else, and links nothing but http(s)', () => {
    const html = textToHtml('<b>x</b> javascript:alert(1) "https://a.example/?a=1&b=2"', 'en');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt; javascript:alert(1) &quot;');
    expect(html).toContain(
      '<a href="https://a.example/?a=1&amp;b=2" dir="ltr">https://a.example/?a=1&amp;b=2</a>&quot;',
    );
    expect(html).not.toContain('href="javascript');
  });
});
