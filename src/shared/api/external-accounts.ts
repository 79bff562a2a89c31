/**
 * Request and response shapes of sign-in through the city's identity systems (OpenID Connect, LDAP)
 * and of the administrators' approval of new accounts: one source for the server and the web app.
 */
import { z } from "zod";
import { RoleSchema } from "./accounts.js";
import { PageQuery, PageSchema } from "./pagination.js";

/** One sign-in method as the sign-in page needs to know it. */
export const SignInMethodStatusSchema = z.object({
  /** Configured on this server. */
  isConfigured: z.boolean(),
  /** Configured and its provider answers now. */
  isAvailable: z.boolean(),
});

/** Which ways to sign in the sign-in page should offer (password sign-in is always there). */
export const SignInMethodsSchema = z.object({
  oidc: SignInMethodStatusSchema,
  ldap: SignInMethodStatusSchema,
});
export type SignInMethods = z.infer<typeof SignInMethodsSchema>;

export const LdapLoginBody = z.strictObject({
  /** The user name in the city directory (uid or sAMAccountName). */
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

/** Where the browser goes back after the provider: `error` carries a stable code when it failed. */
export const OidcCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  session_state: z.string().max(500).optional(),
});

export const EXTERNAL_IDENTITY_STATUSES = ["pending", "linked", "rejected"] as const;

/** An identity vouched for by OIDC or LDAP, as administrators see it. */
export const ExternalIdentitySchema = z.object({
  id: z.string(),
  provider: z.enum(["oidc", "ldap"]),
  email: z.string(),
  isEmailVerified: z.boolean(),
  displayName: z.string(),
  /** Roles the provider's groups map to (empty: none mapped). */
  roles: z.array(RoleSchema),
  status: z.enum(EXTERNAL_IDENTITY_STATUSES),
  userId: z.string().nullable(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type ExternalIdentityDto = z.infer<typeof ExternalIdentitySchema>;

export const ExternalIdentityPageSchema = PageSchema(ExternalIdentitySchema);

export const ExternalIdentityQuery = PageQuery.extend({
  status: z.enum(EXTERNAL_IDENTITY_STATUSES).default("pending"),
});

export const ExternalIdentityParams = z.object({ id: z.string().min(1).max(64) });

export const ApproveExternalIdentityBody = z
  .strictObject({
    /** Roles of the new account (default: those the provider's groups map to, else "member"). */
    roles: z.array(RoleSchema).min(1).max(7).optional(),
    /** Directory person the account belongs to (default: the person with the same e-mail). */
    personId: z.string().max(64).nullable().optional(),
  })
  .nullable()
  .optional();
