import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * Refuses common and guessable passwords (ASVS 5 V6.2.4, V6.2.11), offline: zxcvbn-ts with its
 * common-password and English dictionaries. They are large, so they load on the first check, not at
 * start-up. Score 0–4; below 3 (fewer than ~10^8 guesses) is refused.
 */
let checker: Promise<ZxcvbnFactory> | null = null;

export const MIN_SCORE = 3;

function load(): Promise<ZxcvbnFactory> {
  checker ??= (async () => {
    const [core, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return checker;
}

/** Whether the password is strong enough; `personal` are words of this account (name, e-mail, business). */
export async function isStrongPassword(password: string, personal: string[]): Promise<boolean> {
  const zxcvbn = await load();
  // zxcvbn's cost grows with length; past 100 characters the first 100 decide.
  const result = zxcvbn.check(password.slice(0, 100), personal.filter(Boolean));
  return result.score >= MIN_SCORE;
}
