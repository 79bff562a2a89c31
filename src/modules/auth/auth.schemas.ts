import { z } from "zod";
import { UserSchema } from "../users/users.schemas.js";

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
