import { describe, expect, it } from 'vitest';
import { dayIn, findPromise, isFirstPersonFuture, sentences, timeIn, type LocalDay } from './chat-promises.js';

/** Sunday 11 January 2026, 10:15 (and a Tuesday evening, a Friday). */
const sunday: LocalDay = { year: 2026, month: 1, day: 11, hour: 10, minute: 15 };
const tuesdayEvening: LocalDay = { year: 2026, month: 1, day: 13, hour: 21, minute: 45 };
const friday: LocalDay = { year: 2026, month: 1, day: 16, hour: 12, minute: 0 };

describe('findPromise: my word with a time', () => {
  it.each([
    ['אשלח לך הצעת מחיר עד יום חמישי', sunday, '2026-01-15', null],
    ['אחזור אליך מחר ב-10', sunday, '2026-01-12', '10:00'],
    ['אתקשר מחרתיים בשעה 14:00', sunday, '2026-01-13', '14:00'],
    ['אעביר את הקבצים היום', sunday, '2026-01-11', null],
    ['אכין טיוטה הערב', sunday, '2026-01-11', '20:00'],
    ['אבדוק ואעדכן השבוע', sunday, '2026-01-15', null],
    ['אעדכן אותך בסוף השבוע', sunday, '2026-01-15', null],
    ['נשלח את העיצוב בשבוע הבא', sunday, '2026-01-22', null],
    ['אשלח ביום ראשון', sunday, '2026-01-18', null],
    ['אשלח בשני', sunday, '2026-01-12', null],
    ['אסיים עד רביעי', sunday, '2026-01-14', null],
    ['אשלח ביום שלישי בשבוע הבא', sunday, '2026-01-20', null],
    ['אשלח עד 17.1', sunday, '2026-01-17', null],
    ['אשלח עד 17/1 ב10:30', sunday, '2026-01-17', '10:30'],
    ['אגיע ב-3.2.27', sunday, '2027-02-03', null],
    ['אשלח ב-5.1', sunday, '2027-01-05', null],
    ['אחזור אלייך ב-10', tuesdayEvening, '2026-01-14', '10:00'],
    ['אתקשר ב-4', sunday, '2026-01-11', '16:00'],
    ['אתקשר ב-8 בערב', sunday, '2026-01-11', '20:00'],
    ['ואשלח לך מחר בבוקר', sunday, '2026-01-12', null],
    ['אני אשלח לך השבוע', friday, '2026-01-17', null],
    ["I'll call you tomorrow at 10", sunday, '2026-01-12', '10:00'],
    ["I'll send it by Sunday", sunday, '2026-01-18', null],
    ['I will send the draft on Thursday at 3:30pm', sunday, '2026-01-15', '15:30'],
    ["We'll deliver next week", sunday, '2026-01-22', null],
    ['I’ll get back to you today at 5pm', sunday, '2026-01-11', '17:00'],
    ["I'm going to finish it by the end of the week", sunday, '2026-01-15', null],
    ["I'll send it tonight", sunday, '2026-01-11', '20:00'],
    ["I'll send it by 20/1", sunday, '2026-01-20', null],
    ["I'll call at 9am", tuesdayEvening, '2026-01-14', '09:00'],
  ])('%s', (text, said, dueDate, dueTime) => {
    expect(findPromise(text, said)).toEqual({ sentence: text, dueDate, dueTime });
  });
});

describe('findPromise: not a promise', () => {
  it.each([
    ['אשלח לך מחר?', 'a question'],
    ["I'll call you tomorrow?", 'a question'],
    ['שלחתי לך אתמול', 'past tense'],
    ['שלחתי את ההצעה ביום חמישי', 'past tense with a weekday'],
    ['I sent it on Thursday', 'past tense in English'],
    ['I called you at 10', 'past tense with a time'],
    ['אשלח לך', 'no time'],
    ["I'll send it", 'no time'],
    ['תשלח לי מחר', 'second person'],
    ['מחר ב-10 יש לי פגישה', 'a time with no promise'],
    ["I won't be able to tomorrow", 'a refusal'],
    ["I'll not make it tomorrow", 'a negation'],
    ['אשלח תוך 3 ימים', 'a span is not a time'],
  ])('%s (%s)', (text) => {
    expect(findPromise(text, sunday)).toBeNull();
  });

  it('takes the promising sentence out of a longer message', () => {
    expect(findPromise('בשמחה! אשלח לך הצעת מחיר עד יום חמישי. תודה', sunday)).toEqual({
      sentence: 'אשלח לך הצעת מחיר עד יום חמישי',
      dueDate: '2026-01-15',
      dueTime: null,
    });
    expect(findPromise('מה שלומך?\nאחזור אליך מחר', sunday)?.dueDate).toBe('2026-01-12');
  });
});

describe('the pieces', () => {
  it.each([
    ['ב-10', '10:00'],
    ['ב10:30', '10:30'],
    ['בשעה 14:00', '14:00'],
    ['at 10', '10:00'],
    ['10am', '10:00'],
    ['3:30pm', '15:30'],
    ['12 pm', '12:00'],
    ['12am', '00:00'],
    ['ב-2 אחה"צ', '14:00'],
    ['ב-25', null],
    ['ב-17.1', null],
    ['בלי שעה', null],
  ])('timeIn(%s) = %s', (text, expected) => expect(timeIn(text)).toBe(expected));

  it.each([
    ['יום שבת', '2026-01-17'],
    ['בשבת', '2026-01-17'],
    ['עד יום ראשון', '2026-01-18'],
    ['בחמישי', '2026-01-15'],
    ['Friday', '2026-01-16'],
    ['next Monday', '2026-01-19'],
  ])('dayIn(%s) said on a Sunday = %s', (text, expected) => expect(dayIn(text, sunday)?.date).toBe(expected));

  it('a bare weekday word without a prefix is not a day ("שני" is also "second")', () => {
    expect(dayIn('הקובץ השני', sunday)).toBeNull();
    expect(dayIn('ראשון במעלה', sunday)).toBeNull();
  });

  it('first-person future in Hebrew and English', () => {
    expect(isFirstPersonFuture('אשלח לך')).toBe(true);
    expect(isFirstPersonFuture('נעביר את זה')).toBe(true);
    expect(isFirstPersonFuture('שאשלח מחר')).toBe(true);
    expect(isFirstPersonFuture('we will check')).toBe(true);
    expect(isFirstPersonFuture('תשלחי')).toBe(false);
    expect(isFirstPersonFuture('נשים')).toBe(false);
  });

  it('splits sentences but not dates or times', () => {
    expect(sentences('תודה. אשלח עד 17.1 ב-10:30! ביי')).toEqual(['תודה', 'אשלח עד 17.1 ב-10:30!', 'ביי']);
  });
});
