import { describe, expect, it } from 'vitest';
import { cleanText, optionalText, requiredText } from './common.js';

describe('text as stored: controls and bidi spoofing', () => {
  it('removes the bidi overrides, paired or not', () => {
    expect(cleanText('invoice\u202Efdp.exe', false)).toBe('invoicefdp.exe');
    expect(cleanText('a\u202Db\u202Cc', false)).toBe('abc');
  });

  it('keeps embeddings and isolates that open and close on the line, drops the unpaired ones', () => {
    expect(cleanText('שלום \u2068Acme Ltd\u2069 לך', false)).toBe('שלום \u2068Acme Ltd\u2069 לך');
    expect(cleanText('x\u202Bיי\u202C', false)).toBe('x\u202Bיי\u202C');
    expect(cleanText('name\u2067 and the rest', false)).toBe('name and the rest');
    expect(cleanText('closer\u2069 alone\u202C', false)).toBe('closer alone');
    // An isolate left open at the end of a line is unpaired there, even if a later line closes it.
    expect(cleanText('one\u2066\ntwo\u2069', true)).toBe('one\ntwo');
    // A mismatched closer is removed, and the opener it did not close with it.
    expect(cleanText('a\u2066b\u202Cc', false)).toBe('abc');
  });

  it('removes C0/C1 controls, keeps tab and new line in multi-line text only', () => {
    expect(cleanText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg', true)).toBe('abcdefg');
    expect(cleanText('line 1\r\nline 2\tend', true)).toBe('line 1\nline 2\tend');
    expect(cleanText('line 1\nline 2\tend', false)).toBe('line 1 line 2 end');
  });

  it('applies to every text field through the shared helpers', () => {
    expect(requiredText(200).parse(' \u202Eלקוח\u0000 ')).toBe('לקוח');
    expect(requiredText(200).safeParse('\u202E\u0000').success).toBe(false);
    expect(optionalText(2000).parse('הערה\r\nשנייה\u202E')).toBe('הערה\nשנייה');
    expect(optionalText(2000).parse('\u2066\u0001')).toBeNull();
  });
});
