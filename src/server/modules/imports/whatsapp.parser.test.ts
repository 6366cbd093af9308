import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  ChatFileError,
  chatText,
  detectDayFirst,
  messageKeys,
  parseChat,
  type ChatMessage,
} from './whatsapp.parser.js';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'whatsapp', name));
const at = (m: ChatMessage) =>
  `${m.local.year}-${m.local.month}-${m.local.day} ${m.local.hour}:${String(m.local.minute).padStart(2, '0')}`;

describe('parseChat', () => {
  it('reads an Android export in Hebrew (d.M.yyyy, 24 h): multi-line, media, system lines out', () => {
    const chat = parseChat(chatText(fixture('android-he.txt')));
    expect(chat.dayFirst).toBe(true);
    expect(chat.authors).toEqual([
      { name: 'דנה לוי', count: 5 },
      { name: 'נועה', count: 3 },
    ]);
    // The encryption notice and the deleted message are WhatsApp's own lines.
    expect(chat.systemLines).toBe(2);
    expect(chat.messages[1]!.text).toBe('ויש גם כרטיסי ביקור\nאם אפשר');
    expect(chat.messages[3]).toMatchObject({ author: 'נועה', media: true, text: '' });
    expect(at(chat.messages[5]!)).toBe('2026-1-13 21:40');
  });

  it('reads an iOS export in Hebrew (brackets, seconds, U+200E marks, CRLF)', () => {
    const chat = parseChat(chatText(fixture('ios-he.txt')));
    expect(chat.authors.map((a) => a.name)).toEqual(['Dana Levi', 'נועה גרפיקה']);
    expect(chat.messages).toHaveLength(8);
    expect(chat.messages[3]).toMatchObject({ author: 'נועה גרפיקה', media: true });
    expect(chat.messages[0]!.local.second).toBe(15);
    expect(chat.messages[1]!.text).toBe('ויש גם כרטיסי ביקור\nאם אפשר');
  });

  it('reads Android in English, 24 h day-first, with a multi-line last message', () => {
    const chat = parseChat(chatText(fixture('android-en.txt')));
    expect(chat.systemLines).toBe(1);
    expect(chat.messages.at(-1)!.text).toBe("Yes, I'll call you tomorrow at 10\nTalk then");
    expect(at(chat.messages.at(-1)!)).toBe('2026-1-13 21:45');
  });

  it('reads Android in US English: month first, AM/PM with a narrow no-break space', () => {
    const chat = parseChat(chatText(fixture('android-en-12h.txt')));
    expect(chat.dayFirst).toBe(false);
    expect(at(chat.messages[2]!)).toBe('2026-1-13 21:40');
    expect(at(chat.messages[0]!)).toBe('2026-1-11 10:02');
  });

  it('reads iOS in English, AM/PM with seconds, "image omitted"', () => {
    const chat = parseChat(chatText(fixture('ios-en-12h.txt')));
    expect(chat.dayFirst).toBe(true);
    expect(chat.messages[2]).toMatchObject({ media: true, author: 'Noa Design' });
    expect(at(chat.messages[3]!)).toBe('2026-1-13 21:40');
  });

  it('strips RLM/LRM around dates and names, two-digit years, the "edited" note', () => {
    const chat = parseChat(chatText(fixture('android-he-marks.txt')));
    expect(chat.authors.map((a) => a.name)).toEqual(['דנה לוי', 'נועה']);
    expect(chat.messages[0]!.text).toBe('שלום');
    expect(chat.messages[1]!.text).toBe('אבדוק ואעדכן בשבוע הבא');
    expect(at(chat.messages[1]!)).toBe('2026-1-13 21:45');
  });

  it('unzips the export: _chat.txt (iOS) or "WhatsApp Chat with …" (Android), media files ignored', () => {
    const ios = zipSync({ '_chat.txt': fixture('ios-he.txt'), '00000012-PHOTO.jpg': new Uint8Array([1, 2, 3]) });
    expect(parseChat(chatText(ios)).messages).toHaveLength(8);
    const android = zipSync({ 'WhatsApp Chat with Dana Levi.txt': fixture('android-en.txt') });
    expect(
      parseChat(chatText(android))
        .authors.map((a) => a.name)
        .sort(),
    ).toEqual(['Dana Levi', 'Noa']);
  });

  it('refuses what is not a chat', () => {
    expect(() => parseChat(chatText(strToU8('name,phone\nDana,050\n')))).toThrow(ChatFileError);
    expect(() => chatText(zipSync({ 'photo.jpg': new Uint8Array([1]) }))).toThrow(ChatFileError);
    expect(() => chatText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]))).toThrow(ChatFileError);
    expect(() => chatText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).toThrow(ChatFileError);
  });
});

describe('detectDayFirst', () => {
  it.each([
    ['13/1/26, 10:00 - a: b', true],
    ['1/13/26, 10:00 - a: b', false],
    ['3.1.2026, 10:00 - a: b', true],
    ['[3/1/2026, 10:00:00] a: b', true],
  ])('%s → %s', (text, expected) => expect(detectDayFirst(text)).toBe(expected));
});

describe('messageKeys', () => {
  it('the two phones of one chat give the same keys (names, seconds, placeholders differ)', () => {
    const mine = parseChat(chatText(fixture('android-he.txt')));
    const theirs = parseChat(chatText(fixture('ios-he.txt')));
    const a = messageKeys(mine.messages, (m) => (m.author === 'נועה' ? 'me' : 'client'));
    const b = messageKeys(theirs.messages, (m) => (m.author === 'נועה גרפיקה' ? 'me' : 'client'));
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it('repeats in one minute get their own keys; a different role gives a different key', () => {
    const chat = parseChat('13.1.2026, 10:00 - a: ok\n13.1.2026, 10:00 - a: ok\n');
    const keys = messageKeys(chat.messages, () => 'me');
    expect(keys[0]).not.toBe(keys[1]);
    expect(messageKeys(chat.messages, () => 'client')[0]).not.toBe(keys[0]);
  });
});
