/**
 * Factories for integration tests: accounts, units, people and row counts, all through the public
 * API (so every change is audited exactly as in production) except the counts, which read the tables.
 */
import { sql } from "kysely";
import type { Platform } from "../../src/main.js";
import type { Role } from "../../src/platform/policy/roles.js";
import { type Client, signIn } from "./http.js";

let sequence = 0;
/** A short unique suffix for names and e-mails within one test run. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++sequence}`;

export interface BuiltUser {
  id: string;
  email: string;
  password: string;
}

/** Creates an account as the given admin client with a known password. */
export async function buildUser(
  admin: Client,
  options: { roles: Role[]; personId?: string | null; email?: string; displayName?: string },
): Promise<BuiltUser> {
  const email = options.email ?? `${unique(options.roles.join("-"))}@test.local`;
  const password = "Mat-khau-2024-ok";
  const res = await admin.request("POST", "/api/users", {
    email,
    displayName: options.displayName ?? `Người dùng ${email}`,
    roles: options.roles,
    password,
    ...(options.personId !== undefined && { personId: options.personId }),
  });
  if (res.status !== 201) throw new Error(`buildUser failed: ${res.status} ${res.text}`);
  return { id: (res.body as { user: { id: string } }).user.id, email, password };
}

/** Creates an account and signs it in. */
export async function buildSignedInUser(
  platform: Platform,
  admin: Client,
  options: Parameters<typeof buildUser>[1],
): Promise<BuiltUser & { client: Client }> {
  const user = await buildUser(admin, options);
  return { ...user, client: await signIn(platform.app, user.email, user.password) };
}

export interface UnitDto {
  id: string;
  name: string;
  parentId: string | null;
  parentName: string | null;
}

export async function buildUnit(
  client: Client,
  input: { name?: string; type?: string; parentId?: string | null; shortName?: string | null } = {},
): Promise<UnitDto> {
  const res = await client.request("POST", "/api/units", {
    name: input.name ?? unique("Đơn vị"),
    type: input.type ?? "department",
    ...(input.parentId !== undefined && { parentId: input.parentId }),
    ...(input.shortName !== undefined && { shortName: input.shortName }),
  });
  if (res.status !== 201) throw new Error(`buildUnit failed: ${res.status} ${res.text}`);
  return res.body as UnitDto;
}

export interface PersonDto {
  id: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  mergedIntoId: string | null;
}

export async function buildPerson(
  client: Client,
  input: { fullName?: string; phone?: string | null; email?: string | null; unitId?: string | null } = {},
): Promise<PersonDto> {
  const res = await client.request("POST", "/api/people", {
    fullName: input.fullName ?? unique("Cán bộ"),
    ...(input.phone !== undefined && { phone: input.phone }),
    ...(input.email !== undefined && { email: input.email }),
    ...(input.unitId !== undefined && { unitId: input.unitId }),
  });
  if (res.status !== 201) throw new Error(`buildPerson failed: ${res.status} ${res.text}`);
  return res.body as PersonDto;
}

/** Row counts of the given tables, read straight from the database. */
export async function countRows(platform: Platform, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      platform.database.db,
    );
    out[table] = Number(rows[0]?.n ?? 0);
  }
  return out;
}

/** The tables a refused directory write must leave untouched. */
export const WRITE_TABLES = [
  "units",
  "unit_names",
  "people",
  "person_names",
  "committee_members",
  "users",
  "audit_log",
];
