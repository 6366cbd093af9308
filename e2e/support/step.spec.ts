import { describe, expect, it } from 'vitest';
import { step } from './step.js';

/** The helper every journey leans on to say where it failed: checked without a browser. */
describe('step', () => {
  it('returns what the block returns', async () => {
    expect(await step('add', async () => 1 + 1)).toBe(2);
  });

  it('names the failing step, inner steps in full, and keeps the assertion it rethrows', async () => {
    const failure = await step('send the quote', () =>
      step('the link is shown', async () => {
        expect('no link').toBe('a link');
      }),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    const error = failure as Error & { expected?: unknown; actual?: unknown };
    expect(error.message).toMatch(/^\[step: send the quote › the link is shown\] expected 'no link' to be 'a link'/);
    expect(error.message.match(/\[step: /g)).toHaveLength(1);
    // Still the assertion's own error: the runner shows its diff.
    expect([error.actual, error.expected]).toEqual(['no link', 'a link']);
  });
});
