/**
 * Configuration of the public external-information portal (Cổng Thông tin đối ngoại), merged into
 * `config.ts`'s schema: its own listener (so it can face the internet while the work platform stays
 * internal), its languages and its public address.
 */
import { z } from "zod";
import { PORTAL_KNOWN_LANGUAGES, type PortalLanguage } from "../shared/api/portal.js";

export const portalEnvShape = {
  /** TCP port of the public portal, served beside the work platform by `haidang serve`. */
  PORTAL_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  /** `off`: `haidang serve` does not start the public portal (`haidang portal` still does). */
  HAIDANG_PORTAL: z.enum(["on", "off"]).default("on"),
  /** Portal languages, comma-separated, Vietnamese (the source) first; among vi,en,zh,ja,ko,fr,ru. */
  HAIDANG_PORTAL_LANGUAGES: z
    .string()
    .default(PORTAL_KNOWN_LANGUAGES.join(","))
    .transform((v) => [
      ...new Set(
        v
          .split(",")
          .map((l) => l.trim())
          .filter((l) => l.length > 0),
      ),
    ])
    .pipe(
      z
        .array(z.enum(PORTAL_KNOWN_LANGUAGES))
        .min(1)
        .refine((langs) => langs[0] === "vi", "must start with vi (the source language)"),
    ),
  /**
   * `haidang portal` only, on PostgreSQL: the database address to use instead of DATABASE_URL, normally
   * a role that may only read (and count page views; docs/decisions/0012-portal-read-only-role.md).
   */
  HAIDANG_PORTAL_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// address")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The portal's public address (canonical links, sitemap, feeds); empty: taken from each request. */
  HAIDANG_PORTAL_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
};

const PortalEnvSchema = z.object(portalEnvShape);
type PortalEnv = z.infer<typeof PortalEnvSchema>;

export interface PortalConfig {
  port: number;
  /** Whether `haidang serve` starts the portal listener too. */
  isEnabled: boolean;
  languages: PortalLanguage[];
  /** Public base address without a trailing slash, or undefined. */
  publicUrl: string | undefined;
  /** `haidang portal`'s own (read-only) PostgreSQL address, or undefined: the main database. */
  databaseUrl: string | undefined;
}

export function portalConfigOf(c: PortalEnv): PortalConfig {
  return {
    port: c.PORTAL_PORT,
    isEnabled: c.HAIDANG_PORTAL === "on",
    languages: c.HAIDANG_PORTAL_LANGUAGES,
    publicUrl: c.HAIDANG_PORTAL_URL?.replace(/\/+$/, ""),
    databaseUrl: c.HAIDANG_PORTAL_DATABASE_URL,
  };
}
