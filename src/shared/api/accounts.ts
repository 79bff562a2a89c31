/**
 * Request and response shapes of accounts and sign-in (users, auth): one source for the server's
 * validation, its OpenAPI document and the web client's types (`z.infer`).
 */
import { z } from "zod";

/** The roles of Hải Đăng (see docs/glossary.md). */
export const ROLES = ["admin", "secretariat", "leader", "member", "editor", "translator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const RoleSchema = z.enum(ROLES);

/** Portal languages assigned to a translator or reviewer (codes such as "en", "zh"); null: not restricted. */
export const TranslationLanguages = z
  .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/))
  .max(30)
  .nullable();

/** What the API shows of an account (never the password hash). */
export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  personId: z.string().nullable(),
  /**
   * Portal languages the account may translate and review (ngôn ngữ được phân công); null: not
   * restricted. Only binds translators and reviewers: admin, secretariat and editors work in every language.
   */
  translationLanguages: z.array(z.string()).nullable(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof UserSchema>;

export const CreateUserBody = z.strictObject({
  email: z.email().max(200),
  displayName: z.string().trim().min(1).max(200),
  roles: z.array(RoleSchema).min(1).max(ROLES.length),
  personId: z.string().max(64).nullable().optional(),
  translationLanguages: TranslationLanguages.optional(),
  /** If absent, a one-time password is generated and returned once. */
  password: z.string().min(10).max(200).optional(),
});

export const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  roles: z.array(RoleSchema).min(1).max(ROLES.length).optional(),
  personId: z.string().max(64).nullable().optional(),
  /** Assigned portal languages; null lifts the restriction. */
  translationLanguages: TranslationLanguages.optional(),
  isActive: z.boolean().optional(),
});

export const LoginBody = z.strictObject({
  email: z.string().trim().min(3).max(200),
  password: z.string().min(1).max(200),
});

export const LoginResponse = z.object({ user: UserSchema, csrfToken: z.string() });

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});

export const SessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  isCurrent: z.boolean(),
});

export const SessionIdParams = z.object({ id: z.string().min(1).max(128) });

export const SessionList = z.object({ items: z.array(SessionSchema) });

/** A new account, and its one-time password when the server made one up. */
export const CreatedUserSchema = z.object({ user: UserSchema, temporaryPassword: z.string().optional() });

/** A reset account's one-time password, shown once. */
export const TemporaryPasswordSchema = z.object({ temporaryPassword: z.string() });
