import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Clock } from '../../lib/clock.js';
import { sha256Hex } from '../../lib/crypto.js';

/**
 * TOTP as authenticator apps expect it (RFC 6238: SHA-1, 6 digits, 30-second steps), a code of the
 * step before or after the server's clock accepted (a phone a little off), never one of a step
 * already used (ASVS 5 V6.5.1, replay). Time comes from the app's clock, so tests can move it.
 */
const STEP_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: read off paper and typed again. 31 symbols × 10 ≈ 49 bits per code. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newTotpSecret(): string {
  // 20 random bytes (160 bits), base32: what RFC 4226 recommends and every app reads.
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret });
}

/** The secret in groups of four, for typing into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The time step the code belongs to when it is right (±1 step) and newer than `lastStep`, or null.
 * `replayed` tells a right code of a used step from a wrong one.
 */
export async function checkTotp(
  secret: string,
  code: string,
  clock: Clock,
  lastStep: number | null,
): Promise<{ step: number } | { step: null; replayed: boolean }> {
  const epoch = Math.floor(clock.now().getTime() / 1000);
  const options = {
    strategy: 'totp' as const,
    secret,
    token: code,
    epoch,
    epochTolerance: STEP_SECONDS,
    period: STEP_SECONDS,
  };
  const result = await verify(options).catch(() => ({ valid: false as const }));
  // A TOTP answer always carries its time step (the HOTP one in the union does not).
  if (!result.valid || !('timeStep' in result)) return { step: null, replayed: false };
  if (lastStep !== null && result.timeStep <= lastStep) return { step: null, replayed: true };
  return { step: result.timeStep };
}

/** Ten codes like `k7m2p-x9q4r`: shown once, stored as hashes. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The stored form of a recovery code: its normalised text (no dash, lower case) hashed. */
export function recoveryCodeHash(code: string): string {
  return sha256Hex(code.replace(/[\s-]/g, '').toLowerCase());
}
