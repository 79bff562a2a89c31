/**
 * Configuration: the only reader of `process.env`.
 *
 * Every variable is declared here once, validated, given a default and documented; the README's
 * configuration table mirrors this list. `loadConfig` fails fast with one clear message naming every
 * bad variable, so a misconfigured server never half-starts.
 */
import path from "node:path";
import { z } from "zod";
import { ROLES, type Role } from "../shared/api/accounts.js";
import { type PortalConfig, portalConfigOf, portalEnvShape } from "./portal.config.js";
import { type PressConfig, pressConfigOf, pressEnvShape } from "./press.config.js";
import { type SsoConfig, ssoConfigOf, ssoEnvShape, ssoProblems } from "./sso.config.js";

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const ConfigSchema = z.object({
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Interface to listen on; 127.0.0.1 keeps it local, 0.0.0.0 exposes it. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Holds the SQLite file and uploaded files. */
  HAIDANG_DATA_DIR: z.string().min(1).default("./data"),
  /** A postgres:// URL switches storage to PostgreSQL; empty means the embedded SQLite file. */
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^postgres(ql)?:\/\//.test(v), "must be a postgres:// URL or empty"),
  /** First-run administrator's e-mail. */
  HAIDANG_ADMIN_EMAIL: z
    .email()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** First-run administrator's password; if absent a one-time password is generated and printed once. */
  HAIDANG_ADMIN_PASSWORD: z
    .string()
    .min(10, "must be at least 10 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** pino log level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The public address users reach; https here makes session cookies Secure. */
  PUBLIC_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * Addresses (or CIDR ranges) of the reverse proxies in front of the server, comma separated, e.g.
   * "127.0.0.1,::1" for nginx on the same machine. Only their X-Forwarded-For is believed, so sign-in
   * throttling and the audit journal see each user's own address. Empty: no proxy is trusted.
   */
  HAIDANG_TRUST_PROXY: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x.length > 0),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, "must be IP addresses or CIDR ranges, comma separated"),
      ),
    ),
  /** Maximum JSON request body in bytes. */
  HAIDANG_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  /** Maximum uploaded file size in bytes (documents, evidence). */
  HAIDANG_UPLOAD_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** Session lifetime in hours (sliding). */
  HAIDANG_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  /** SMTP server for e-mail, e.g. smtp://user:pass@mail.example.vn:587; empty disables e-mail. */
  SMTP_URL: z.string().optional(),
  /** Sender address of e-mails. */
  SMTP_FROM: z.string().default("Hải Đăng <no-reply@haidang.local>"),
  /** Reminders go out this many working days before a due date or reporting date. */
  HAIDANG_REMINDER_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(3),
  /**
   * Worker threads that extract and analyse fetched articles beside the main thread (0: all on the
   * main thread). Started with the first poll, not at start-up.
   */
  HAIDANG_MONITOR_WORKERS: z.coerce.number().int().min(0).max(8).default(2),
  /** Allow fetching from private/loopback addresses (tests only). */
  HAIDANG_FETCH_ALLOW_PRIVATE: booleanFromEnv,
  /**
   * Write every response body a second time with JSON.stringify and fail if it reads back
   * differently from the schema-compiled one (tests; slower).
   */
  HAIDANG_CHECK_RESPONSES: booleanFromEnv,
  /**
   * Bearer token that unlocks Prometheus metrics at /metrics; empty means /metrics does not exist.
   * At least 16 characters (e.g. `openssl rand -hex 32`).
   */
  HAIDANG_METRICS_TOKEN: z
    .string()
    .min(16, "must be at least 16 characters")
    .regex(/^\S+$/, "must not contain spaces")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * Key that encrypts stored secrets (TOTP seeds), at least 32 characters; shared by every process.
   * Empty: a random key is created once in `<HAIDANG_DATA_DIR>/secret.key` (mode 0600).
   */
  HAIDANG_SECRET_KEY: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Roles that must use a second factor (TOTP or a passkey), comma-separated; empty: nobody. */
  HAIDANG_MFA_REQUIRED_ROLES: z
    .string()
    .default("admin,secretariat")
    .transform((v) =>
      v
        .split(",")
        .map((r) => r.trim())
        .filter((r) => r.length > 0),
    )
    .pipe(z.array(z.enum(ROLES))),
  ...ssoEnvShape,
  ...portalEnvShape,
  ...pressEnvShape,
  /** Run background jobs in this process. */
  HAIDANG_JOBS: z.enum(["on", "off"]).default("on"),
  /**
   * How long a job claimed by a process is its own; a process that dies holding jobs leaves them to
   * the others after this many seconds.
   */
  HAIDANG_JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /**
   * PostgreSQL only: a statement running longer is cancelled and the request answered 503
   * `database_timeout` (0: no limit). Migrations run without it.
   */
  HAIDANG_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /**
   * PostgreSQL only: connections each process keeps at most. Processes × pool size must stay below the
   * server's `max_connections` (100 by default) with room for backups and administration.
   */
  HAIDANG_DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** Node environment. */
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export type RawConfig = z.infer<typeof ConfigSchema>;

/** The validated, typed configuration handed to the composition root. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };
  admin: { email: string | undefined; password: string | undefined };
  logLevel: RawConfig["LOG_LEVEL"];
  publicUrl: string | undefined;
  /** Reverse proxies whose X-Forwarded-For is believed (empty: none). */
  trustProxy: string[];
  isHttps: boolean;
  bodyLimit: number;
  uploadLimit: number;
  sessionHours: number;
  smtp: { url: string | undefined; from: string };
  reminderWorkingDays: number;
  fetchAllowPrivate: boolean;
  monitorWorkers: number;
  jobsEnabled: boolean;
  /** Lease of a claimed job, in milliseconds. */
  jobLeaseMs: number;
  /** PostgreSQL statement timeout in milliseconds (0: none). */
  dbStatementTimeoutMs: number;
  /** PostgreSQL connections per process at most. */
  dbPoolSize: number;
  /** Encrypts stored secrets; undefined: the key file in the data directory. */
  secretKey: string | undefined;
  /** Roles that must sign in with a second factor. */
  mfaRequiredRoles: Role[];
  /** Serve /metrics to this bearer token; undefined: no /metrics route. */
  metricsToken: string | undefined;
  /** Sign-in through OpenID Connect and LDAP (see `sso.config.ts`). */
  sso: SsoConfig;
  /** The public portal (its listener, languages and address). */
  portal: PortalConfig;
  /** Foreign press visits: personal-data retention and coverage window. */
  press: PressConfig;
  checkResponses: boolean;
  nodeEnv: RawConfig["NODE_ENV"];
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the environment. Throws `ConfigError` listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new ConfigError(`Cấu hình không hợp lệ / invalid configuration:\n${problems}`);
  }
  const c = parsed.data;
  const ssoIssues = ssoProblems(c);
  if (ssoIssues.length > 0)
    throw new ConfigError(
      `Cấu hình không hợp lệ / invalid configuration:\n${ssoIssues.map((p) => `  ${p}`).join("\n")}`,
    );
  const dataDir = path.resolve(c.HAIDANG_DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    database: c.DATABASE_URL
      ? { kind: "postgres", url: c.DATABASE_URL }
      : { kind: "sqlite", file: path.join(dataDir, "haidang.sqlite") },
    admin: { email: c.HAIDANG_ADMIN_EMAIL, password: c.HAIDANG_ADMIN_PASSWORD },
    logLevel: c.LOG_LEVEL,
    publicUrl: c.PUBLIC_URL,
    trustProxy: c.HAIDANG_TRUST_PROXY,
    isHttps: c.PUBLIC_URL?.startsWith("https://") ?? false,
    bodyLimit: c.HAIDANG_BODY_LIMIT,
    uploadLimit: c.HAIDANG_UPLOAD_LIMIT,
    sessionHours: c.HAIDANG_SESSION_HOURS,
    smtp: { url: c.SMTP_URL || undefined, from: c.SMTP_FROM },
    reminderWorkingDays: c.HAIDANG_REMINDER_WORKING_DAYS,
    fetchAllowPrivate: c.HAIDANG_FETCH_ALLOW_PRIVATE,
    monitorWorkers: c.HAIDANG_MONITOR_WORKERS,
    jobsEnabled: c.HAIDANG_JOBS === "on",
    jobLeaseMs: c.HAIDANG_JOB_LEASE_SECONDS * 1000,
    dbStatementTimeoutMs: c.HAIDANG_DB_STATEMENT_TIMEOUT_MS,
    dbPoolSize: c.HAIDANG_DB_POOL_SIZE,
    secretKey: c.HAIDANG_SECRET_KEY,
    mfaRequiredRoles: c.HAIDANG_MFA_REQUIRED_ROLES,
    metricsToken: c.HAIDANG_METRICS_TOKEN,
    sso: ssoConfigOf(c),
    portal: portalConfigOf(c),
    press: pressConfigOf(c),
    checkResponses: c.HAIDANG_CHECK_RESPONSES,
    nodeEnv: c.NODE_ENV,
  };
}

/** Names and descriptions of every variable, for `haidang --help` and the README table. */
export const configVariables = Object.keys(ConfigSchema.shape);
