import { z } from "zod";
import { ROLES } from "../../platform/policy/roles.js";

export const RoleSchema = z.enum(ROLES);

/** What the API shows of an account (never the password hash). */
export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  personId: z.string().nullable(),
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
  /** If absent, a one-time password is generated and returned once. */
  password: z.string().min(10).max(200).optional(),
});

export const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  roles: z.array(RoleSchema).min(1).max(ROLES.length).optional(),
  personId: z.string().max(64).nullable().optional(),
  isActive: z.boolean().optional(),
});
