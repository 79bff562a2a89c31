/**
 * Request and response shapes of the second factor (TOTP, recovery codes, passkeys) and of the
 * sign-in's second step: one source for the server's validation, its OpenAPI document and the web app.
 */
import { z } from "zod";
import { UserSchema } from "./accounts.js";

/** The answer to a passed first factor when the account has an authenticator: enter a code next. */
export const SecondFactorStepSchema = z.object({
  secondFactorRequired: z.literal(true),
  /** Single-use, valid a few minutes; sent back with the code. */
  challengeToken: z.string(),
});
export type SecondFactorStep = z.infer<typeof SecondFactorStepSchema>;

/** A signed-in answer (sign-in, second step, passkey, "me"). */
export const SignedInSchema = z.object({
  user: UserSchema,
  csrfToken: z.string(),
  /** The account's role needs a second factor that this session lacks: enrol before anything else. */
  mustEnrolSecondFactor: z.boolean(),
});
export type SignedIn = z.infer<typeof SignedInSchema>;

/** Sign-in answers either with a session or with the second step. */
export const SignInResultSchema = z.union([SignedInSchema, SecondFactorStepSchema]);
export type SignInResult = z.infer<typeof SignInResultSchema>;

export const VerifySecondFactorBody = z.strictObject({
  challengeToken: z.string().min(20).max(200),
  /** A 6-digit authenticator code, or one of the recovery codes (xxxxx-xxxxx). */
  code: z.string().trim().min(6).max(40),
});

export const PasskeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  /** "singleDevice" or "multiDevice" (synced). */
  deviceType: z.string(),
  isBackedUp: z.boolean(),
});
export type PasskeyDto = z.infer<typeof PasskeySchema>;

export const SecondFactorStatusSchema = z.object({
  /** The authenticator (TOTP) is set up and confirmed. */
  isTotpEnrolled: z.boolean(),
  totpConfirmedAt: z.string().nullable(),
  /** Unused recovery codes left. */
  recoveryCodesLeft: z.number().int(),
  /** The account's role requires a second factor. */
  isRequired: z.boolean(),
  /** This session was opened without the second factor the role needs. */
  mustEnrol: z.boolean(),
  passkeys: z.array(PasskeySchema),
  /** Passkeys can be used (the server knows its public address). */
  arePasskeysAvailable: z.boolean(),
});
export type SecondFactorStatus = z.infer<typeof SecondFactorStatusSchema>;

export const TotpEnrolmentSchema = z.object({
  /** Base32 secret, for typing into an app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code (SVG data URL). */
  qrCodeDataUrl: z.string(),
});

export const ConfirmTotpBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "6 chữ số / 6 digits"),
});

export const RecoveryCodesSchema = z.object({
  /** Shown once: only their hashes are kept. */
  codes: z.array(z.string()),
});

export const DisableTotpBody = z.strictObject({
  code: z.string().trim().min(6).max(40),
});

/** WebAuthn options for the browser (PublicKeyCredential*OptionsJSON), with the server's ceremony id. */
export const PasskeyOptionsSchema = z.object({
  ceremonyId: z.string(),
  options: z.record(z.string(), z.unknown()),
});

export const RegisterPasskeyBody = z.strictObject({
  ceremonyId: z.string().min(10).max(200),
  name: z.string().trim().min(1).max(100),
  /** The browser's RegistrationResponseJSON. */
  response: z.record(z.string(), z.unknown()),
});

export const PasskeySignInBody = z.strictObject({
  ceremonyId: z.string().min(10).max(200),
  /** The browser's AuthenticationResponseJSON. */
  response: z.record(z.string(), z.unknown()),
});

export const RenamePasskeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
});

export const PasskeyIdParams = z.object({ id: z.string().min(1).max(1024) });
export const UserIdParams = z.object({ id: z.string().min(1).max(64) });
