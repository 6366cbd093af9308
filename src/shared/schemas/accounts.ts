import { z } from 'zod';
import { isValidIsraeliId, normalizeIsraeliId } from '../israel-id.js';
import {
  ZChannel,
  ZCurrency,
  ZEmail,
  ZId,
  ZIsoDateTime,
  ZLocale,
  ZOptionalEmail,
  ZOptionalPhone,
  ZTimeZone,
  ZWeeklyHours,
  optionalText,
  requiredText,
} from './common.js';

export const dealerTypes = ['licensed', 'exempt', 'company'] as const; // עוסק מורשה / עוסק פטור / חברה
export const ZDealerType = z.enum(dealerTypes, { error: 'invalid_choice' });
export type DealerType = z.infer<typeof ZDealerType>;

/** How the user wants Hebrew to address them (second person is gendered in Hebrew). */
export const addressForms = ['neutral', 'feminine', 'masculine'] as const;
export const ZAddressForm = z.enum(addressForms, { error: 'invalid_choice' });
export type AddressForm = z.infer<typeof ZAddressForm>;

/**
 * A user's role in a workspace (issue 14): the owner does everything; an assistant everything but
 * the business's own settings, the team, exports and integrations; a viewer only looks.
 */
export const memberRoles = ['owner', 'assistant', 'viewer'] as const;
export const ZMemberRole = z.enum(memberRoles, { error: 'invalid_choice' });
export type MemberRole = z.infer<typeof ZMemberRole>;

export const ZOptionalBusinessNumber = z
  .string({ error: 'invalid_id_number' })
  .trim()
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!isValidIsraeliId(v)) {
      ctx.addIssue({ code: 'custom', message: 'invalid_id_number' });
      return z.NEVER;
    }
    return normalizeIsraeliId(v);
  })
  .meta({ type: 'string', example: '516123452' });

/** VAT is kept in basis points (18% = 1800) so no float ever touches money. */
export const ZVatRateBasisPoints = z
  .number({ error: 'invalid_number' })
  .int({ error: 'invalid_number' })
  .min(0, { error: 'too_small' })
  .max(10_000, { error: 'too_big' })
  .meta({ description: 'VAT rate in basis points: 1800 = 18%', example: 1800 });

export const paymentTermsDays = [0, 30, 45, 60, 90] as const;

export const ZSaveBusinessProfile = z
  .object({
    name: requiredText(120),
    dealerType: ZDealerType,
    businessNumber: ZOptionalBusinessNumber,
    vatRateBasisPoints: ZVatRateBasisPoints,
    currency: ZCurrency.default('ILS'),
    timeZone: ZTimeZone.default('Asia/Jerusalem'),
    locale: ZLocale.default('he'),
    serviceHours: ZWeeklyHours,
    /** Days after the end of the month: "שוטף + 30"; 0 is the end of the month itself. */
    paymentTermsDays: z
      .number({ error: 'invalid_number' })
      .int({ error: 'invalid_number' })
      .min(0, { error: 'too_small' })
      .max(120, { error: 'too_big' }),
    paymentTermsNote: optionalText(500),
    preferredChannels: z.array(ZChannel).min(1, { error: 'choose_one' }).max(6),
    email: ZOptionalEmail,
    phone: ZOptionalPhone,
    address: optionalText(300),
    signature: optionalText(1000),
    /** Local time of the morning digest e-mail to the owner; null turns it off. */
    digestTime: z
      .string({ error: 'invalid_time' })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalid_time' })
      .nullable()
      .default('07:30'),
  })
  .meta({ id: 'SaveBusinessProfileInput' });
export type SaveBusinessProfileInput = z.input<typeof ZSaveBusinessProfile>;

/** PATCH /workspace: any subset of the profile. */
export const ZUpdateBusinessProfile = ZSaveBusinessProfile.partial().meta({ id: 'UpdateBusinessProfile' });
export type UpdateBusinessProfile = z.output<typeof ZUpdateBusinessProfile>;

export const ZBusinessProfile = z
  .object({
    id: ZId,
    name: z.string(),
    dealerType: ZDealerType,
    businessNumber: z.string().nullable(),
    vatRateBasisPoints: z.number().int(),
    currency: z.string(),
    timeZone: z.string(),
    locale: ZLocale,
    serviceHours: ZWeeklyHours,
    paymentTermsDays: z.number().int(),
    paymentTermsNote: z.string().nullable(),
    preferredChannels: z.array(ZChannel),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    signature: z.string().nullable(),
    digestTime: z.string().nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
  })
  .meta({ id: 'BusinessProfile' });
export type BusinessProfile = z.infer<typeof ZBusinessProfile>;

/**
 * ASVS 5 V6.2.1/V6.2.9: at least 12 characters, up to 128 (any characters, pasted too). The server
 * also refuses common and guessable passwords (zxcvbn-ts, offline: `password_weak`), which is not
 * part of the schema because its dictionaries are loaded lazily.
 */
export const ZNewPassword = z
  .string({ error: 'required' })
  .min(12, { error: 'password_too_short' })
  .max(128, { error: 'password_too_long' });

export const ZSetUpWorkspace = z
  .object({
    owner: z.object({
      name: requiredText(120),
      email: ZEmail,
      password: ZNewPassword,
      addressForm: ZAddressForm.default('neutral'),
      /** The owner's interface language; the business language when not given. */
      locale: ZLocale.optional(),
    }),
    business: ZSaveBusinessProfile,
  })
  .meta({ id: 'SetUpWorkspaceInput' });
export type SetUpWorkspaceInput = z.input<typeof ZSetUpWorkspace>;
export type SetUpWorkspace = z.output<typeof ZSetUpWorkspace>;

export const ZLogIn = z
  .object({
    email: ZEmail,
    password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(256, { error: 'too_long' }),
  })
  .meta({ id: 'LogInInput' });
export type LogInInput = z.input<typeof ZLogIn>;
export type LogIn = z.output<typeof ZLogIn>;

export const ZUser = z
  .object({
    id: ZId,
    name: z.string(),
    email: z.string(),
    /** The role in the workspace this session works in. */
    role: ZMemberRole,
    /** Whether the address was confirmed (hosted sign-up sends a link; other accounts count as confirmed). */
    emailConfirmed: z.boolean(),
    locale: ZLocale,
    addressForm: ZAddressForm,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof ZUser>;

export const ZUpdateMe = z
  .object({
    name: requiredText(120),
    locale: ZLocale,
    addressForm: ZAddressForm,
  })
  .partial()
  .meta({ id: 'UpdateMeInput' });
export type UpdateMeInput = z.input<typeof ZUpdateMe>;
export type UpdateMe = z.output<typeof ZUpdateMe>;

/** Two-step sign-in (ASVS 5 V6.5, V6.6): whether it is on, and how many recovery codes are still unused. */
export const ZTwoFactorStatus = z
  .object({ enabled: z.boolean(), recoveryCodesLeft: z.number().int() })
  .meta({ id: 'TwoFactorStatus' });
export type TwoFactorStatus = z.infer<typeof ZTwoFactorStatus>;

export const ZMe = z
  .object({
    user: ZUser,
    workspace: ZBusinessProfile,
    /** Sent back in the X-CSRF-Token header on every state-changing request. */
    csrfToken: z.string(),
    /** What this server can do: send e-mail (SMTP configured), print PDFs (Chromium installed). */
    capabilities: z.object({ email: z.boolean(), pdf: z.boolean() }),
    /** Failed sign-ins to this account between the previous sign-in and this session's: told to the owner. */
    signInNotice: z
      .object({ failedAttempts: z.number().int(), lastFailedAt: ZIsoDateTime.nullable() })
      .nullable()
      .meta({ id: 'SignInNotice' }),
    twoFactor: ZTwoFactorStatus,
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof ZMe>;

export const installModes = ['self_hosted', 'hosted'] as const;

export const ZSetupStatus = z
  .object({
    setupDone: z.boolean(),
    authenticated: z.boolean(),
    /** The session's CSRF token (as in Me) when signed in with a cookie, so public pages can write too. */
    csrfToken: z.string().nullable(),
    /** Hosted (MILA_MODE=hosted): anyone may sign up for a workspace of their own; self-hosted: first-run setup once. */
    mode: z.enum(installModes),
    /** A forgotten password can be reset by an e-mailed link (SMTP is configured). */
    passwordResetByEmail: z.boolean(),
  })
  .meta({ id: 'SetupStatus' });
export type SetupStatus = z.infer<typeof ZSetupStatus>;

/** One signed-in browser or device of mine. */
export const ZSession = z
  .object({
    id: ZId,
    userAgent: z.string().nullable(),
    createdAt: ZIsoDateTime,
    lastSeenAt: ZIsoDateTime,
    expiresAt: ZIsoDateTime,
    current: z.boolean().meta({ description: 'The session this request came with' }),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof ZSession>;
export const ZSessionList = z.object({ items: z.array(ZSession) }).meta({ id: 'SessionList' });
export type SessionList = z.infer<typeof ZSessionList>;

export const ZSessionsEnded = z.object({ ended: z.number().int() }).meta({ id: 'SessionsEnded' });
export type SessionsEnded = z.infer<typeof ZSessionsEnded>;

/** The current password, asked before any change to how I sign in. */
export const ZCurrentPassword = z
  .string({ error: 'required' })
  .min(1, { error: 'required' })
  .max(256, { error: 'too_long' });

export const ZChangePassword = z
  .object({
    currentPassword: ZCurrentPassword,
    newPassword: ZNewPassword,
  })
  .meta({ id: 'ChangePasswordInput' });
export type ChangePassword = z.output<typeof ZChangePassword>;
export type ChangePasswordInput = z.input<typeof ZChangePassword>;

/** A 6-digit code from the authenticator app; spaces and dashes typed between the digits are dropped. */
export const ZTotpCode = z
  .string({ error: 'required' })
  .overwrite((v) => v.replace(/[\s-]/g, ''))
  .min(1, { error: 'required' })
  .regex(/^\d{6}$/, { error: 'invalid_totp_code' })
  .meta({ example: '123456' });

/** A one-time recovery code (`abcde-23456`); case, spaces and dashes do not matter. */
export const ZRecoveryCode = z
  .string({ error: 'required' })
  .overwrite((v) => v.replace(/[\s-]/g, '').toLowerCase())
  .min(1, { error: 'required' })
  .regex(/^[a-z0-9]{10}$/, { error: 'invalid_recovery_code' })
  .meta({ example: 'k7m2p-x9q4r' });

export const secondStepMethods = ['totp', 'recovery'] as const;
export type SecondStepMethod = (typeof secondStepMethods)[number];

/** The answer of a right password when the account has two-step sign-in on: no session yet. */
export const ZSecondStepRequired = z
  .object({
    secondStep: z.literal('totp'),
    /** Single use, valid for 5 minutes; only its hash is stored. */
    challenge: z.string(),
    expiresAt: ZIsoDateTime,
  })
  .meta({ id: 'SecondStepRequired' });
export type SecondStepRequired = z.infer<typeof ZSecondStepRequired>;

/** What a right password answers (sign-in, accepting an invitation): a session, or the code first. */
export const ZSignInAnswer = z.union([ZMe, ZSecondStepRequired]);

const ZChallenge = z
  .string({ error: 'required' })
  .min(20, { error: 'invalid_type' })
  .max(200, { error: 'invalid_type' });

/** The second step of signing in: the challenge and a code from the app, or a recovery code. */
export const ZCompleteSignIn = z
  .discriminatedUnion('method', [
    z.object({ challenge: ZChallenge, method: z.literal('totp'), code: ZTotpCode }),
    z.object({ challenge: ZChallenge, method: z.literal('recovery'), code: ZRecoveryCode }),
  ])
  .meta({ id: 'CompleteSignInInput' });
export type CompleteSignIn = z.output<typeof ZCompleteSignIn>;
export type CompleteSignInInput = z.input<typeof ZCompleteSignIn>;

export const ZStartTwoFactor = z.object({ currentPassword: ZCurrentPassword }).meta({ id: 'StartTwoFactorInput' });
export type StartTwoFactor = z.output<typeof ZStartTwoFactor>;
export type StartTwoFactorInput = z.input<typeof ZStartTwoFactor>;

/** What the authenticator app needs: the otpauth:// URI (for the QR code) and the secret, grouped for typing. */
export const ZTwoFactorStarted = z
  .object({ uri: z.string(), secret: z.string().meta({ example: 'JBSW Y3DP EHPK 3PXP' }) })
  .meta({ id: 'TwoFactorStarted' });
export type TwoFactorStarted = z.infer<typeof ZTwoFactorStarted>;

export const ZConfirmTwoFactor = z.object({ code: ZTotpCode }).meta({ id: 'ConfirmTwoFactorInput' });
export type ConfirmTwoFactor = z.output<typeof ZConfirmTwoFactor>;
export type ConfirmTwoFactorInput = z.input<typeof ZConfirmTwoFactor>;

/** Ten one-time recovery codes, shown once: only their hashes are kept. */
export const ZRecoveryCodesIssued = z
  .object({ recoveryCodes: z.array(z.string()) })
  .meta({ id: 'RecoveryCodesIssued' });
export type RecoveryCodesIssued = z.infer<typeof ZRecoveryCodesIssued>;

export const ZRegenerateRecoveryCodes = z
  .object({ currentPassword: ZCurrentPassword })
  .meta({ id: 'RegenerateRecoveryCodesInput' });
export type RegenerateRecoveryCodes = z.output<typeof ZRegenerateRecoveryCodes>;
export type RegenerateRecoveryCodesInput = z.input<typeof ZRegenerateRecoveryCodes>;

/** Turning two-step sign-in off: the password and a current code (or a recovery code). */
export const ZTurnOffTwoFactor = z
  .discriminatedUnion('method', [
    z.object({ currentPassword: ZCurrentPassword, method: z.literal('totp'), code: ZTotpCode }),
    z.object({ currentPassword: ZCurrentPassword, method: z.literal('recovery'), code: ZRecoveryCode }),
  ])
  .meta({ id: 'TurnOffTwoFactorInput' });
export type TurnOffTwoFactor = z.output<typeof ZTurnOffTwoFactor>;
export type TurnOffTwoFactorInput = z.input<typeof ZTurnOffTwoFactor>;

/** "I forgot my password": a link is e-mailed when the address has an account (the answer never says). */
export const ZForgotPassword = z.object({ email: ZEmail }).meta({ id: 'ForgotPasswordInput' });
export type ForgotPassword = z.output<typeof ZForgotPassword>;
export type ForgotPasswordInput = z.input<typeof ZForgotPassword>;

/** A link's token from an e-mail (confirm the address, reset the password, accept an invitation). */
export const ZLinkToken = z
  .string({ error: 'required' })
  .min(20, { error: 'link_invalid' })
  .max(200, { error: 'link_invalid' });

export const ZResetPassword = z
  .object({ token: ZLinkToken, newPassword: ZNewPassword })
  .meta({ id: 'ResetPasswordInput' });
export type ResetPassword = z.output<typeof ZResetPassword>;
export type ResetPasswordInput = z.input<typeof ZResetPassword>;

/** Whether a link was e-mailed (false when e-mail is not set up, or there was nothing to send). */
export const ZEmailed = z.object({ emailed: z.boolean() }).meta({ id: 'Emailed' });
export type Emailed = z.infer<typeof ZEmailed>;

export const ZConfirmEmail = z.object({ token: ZLinkToken }).meta({ id: 'ConfirmEmailInput' });
export type ConfirmEmail = z.output<typeof ZConfirmEmail>;
export type ConfirmEmailInput = z.input<typeof ZConfirmEmail>;
