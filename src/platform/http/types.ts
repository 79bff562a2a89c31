import type {} from "@fastify/cookie";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { RequestContext } from "../context.js";
import type { Permission } from "../policy/policy.js";

/** The Fastify instance every route module receives (Zod type provider). */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module "fastify" {
  interface FastifyRequest {
    /** Who is calling, request id, client address and language. */
    ctx: RequestContext;
    /** The live session id (hash), when signed in. */
    sessionId: string | null;
    /** The CSRF token of the live session, when signed in. */
    csrfToken: string | null;
    /** True while the signed-in account must change its one-time password. */
    mustChangePassword: boolean;
    /** True while the signed-in account's role needs a second factor this session lacks. */
    mustEnrolSecondFactor: boolean;
  }
  interface FastifyContextConfig {
    /** The permission this route requires (see platform/policy/policy.ts). Mandatory for /api routes. */
    policy?: Permission;
    /** Reachable by an account that must still change its password (sign-out, "me", change password). */
    allowsPendingPasswordChange?: boolean;
    /** Reachable by a session that must still enrol a second factor (sign-out, "me", enrolment). */
    allowsPendingSecondFactor?: boolean;
  }
}
