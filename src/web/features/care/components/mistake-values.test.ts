import { describe, expect, it } from 'vitest';
import { ZCreateIncident } from '../../../../shared/schemas/care';
import { mistakeToInput, mistakeValues } from './mistake-values';

const clientId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('mistake form values', () => {
  it('shekels as typed become agorot; blank is no compensation', () => {
    const values = { ...mistakeValues(null), title: 'Missed the deadline', compensationAmount: '₪ 1,250.5' };
    expect(ZCreateIncident.parse(mistakeToInput(clientId, null)(values)).compensationAmount).toBe(125_050);
    const none = { ...values, compensationAmount: '' };
    expect(ZCreateIncident.parse(mistakeToInput(clientId, null)(none)).compensationAmount).toBe(0);
  });

  it('an amount that is not a number is refused at its field; an empty fix-by day is none', () => {
    const values = { ...mistakeValues(null), title: 'x', compensationAmount: 'a lot' };
    const result = ZCreateIncident.safeParse(mistakeToInput(clientId, null)(values));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['compensationAmount']);
    const ok = ZCreateIncident.parse(mistakeToInput(clientId, null)({ ...values, compensationAmount: '' }));
    expect(ok.fixBy).toBeNull();
  });
});
