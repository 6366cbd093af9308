import { describe, expect, it } from 'vitest';
import { ZCreateConflict } from '../../../../shared/schemas/care';
import { conflictToInput, conflictValues, rechoose } from './conflict-values';

const clientId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('conflict worksheet values', () => {
  it('a fresh worksheet needs a topic and the position, and then is a valid case', () => {
    const values = conflictValues(null, '2026-03-01');
    expect(ZCreateConflict.safeParse(conflictToInput(clientId)(values)).success).toBe(false);
    const filled = { ...values, topic: 'schedule' as const, position: 'I need it tomorrow', options: ['Ship it'] };
    const parsed = ZCreateConflict.parse(conflictToInput(clientId)(filled));
    expect(parsed.options).toEqual([{ text: 'Ship it' }]);
    expect(parsed.occurredOn).toBe('2026-03-01');
  });

  it('a chosen index past the options is dropped; blank lines do not count', () => {
    const values = { ...conflictValues(null, '2026-03-01'), options: ['a'], chosenOption: 3 };
    expect(conflictToInput(clientId)(values)).toMatchObject({ chosenOption: null });
    const blanks = { ...values, options: ['', 'a', ' ', 'b'], chosenOption: 3 };
    expect(conflictToInput(clientId)(blanks)).toMatchObject({
      options: [{ text: 'a' }, { text: 'b' }],
      chosenOption: 1,
    });
  });

  it('reordering keeps the chosen option chosen; removing it clears the choice', () => {
    const values = { ...conflictValues(null, '2026-03-01'), options: ['a', 'b', 'c'], chosenOption: 1 };
    expect(rechoose(values, ['b', 'a', 'c'])).toBe(0);
    expect(rechoose(values, ['a', 'c'])).toBeNull();
  });
});
