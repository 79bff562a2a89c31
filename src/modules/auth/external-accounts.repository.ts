/** All SQL for identities vouched for by OpenID Connect or LDAP, and OIDC sign-ins in progress. */
import type { DbOrTrx } from "../../platform/db/database.js";
import type { ExternalIdentityTable, OidcSignInStateTable } from "./external-accounts.tables.js";

export type ExternalIdentityRow = ExternalIdentityTable;

export function createExternalAccountsRepository() {
  return {
    findIdentity(db: DbOrTrx, provider: string, subject: string): Promise<ExternalIdentityRow | undefined> {
      return db
        .selectFrom("external_identities")
        .selectAll()
        .where("provider", "=", provider)
        .where("subject", "=", subject)
        .executeTakeFirst();
    },

    findIdentityById(db: DbOrTrx, id: string): Promise<ExternalIdentityRow | undefined> {
      return db.selectFrom("external_identities").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async insertIdentity(db: DbOrTrx, row: ExternalIdentityRow): Promise<void> {
      await db.insertInto("external_identities").values(row).execute();
    },

    async updateIdentity(db: DbOrTrx, id: string, patch: Partial<ExternalIdentityRow>): Promise<void> {
      await db.updateTable("external_identities").set(patch).where("id", "=", id).execute();
    },

    /** Identities in one status, oldest first. */
    async listIdentities(
      db: DbOrTrx,
      status: string,
      page: { limit: number; offset: number },
    ): Promise<{ rows: ExternalIdentityRow[]; total: number }> {
      const base = db.selectFrom("external_identities").where("status", "=", status);
      const rows = await base
        .selectAll()
        .orderBy("created_at")
        .orderBy("id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const { n } = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      return { rows, total: Number(n) };
    },

    /** The active, unmerged directory person with this e-mail (case-insensitive), if exactly one. */
    async findPersonIdByEmail(db: DbOrTrx, email: string): Promise<string | undefined> {
      const rows = await db
        .selectFrom("people")
        .select("id")
        .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
        .where("is_active", "=", 1)
        .where("merged_into_id", "is", null)
        .limit(2)
        .execute();
      return rows.length === 1 ? rows[0]?.id : undefined;
    },

    async insertSignInState(db: DbOrTrx, row: OidcSignInStateTable): Promise<void> {
      await db.insertInto("oidc_sign_in_states").values(row).execute();
    },

    /**
     * Takes a sign-in state: deleted in the same statement that reads it, so a second callback with
     * the same state (a replay, or a second process) finds nothing.
     */
    async takeSignInState(db: DbOrTrx, stateHash: string): Promise<OidcSignInStateTable | undefined> {
      return db
        .deleteFrom("oidc_sign_in_states")
        .where("state_hash", "=", stateHash)
        .returningAll()
        .executeTakeFirst();
    },

    async purgeSignInStates(db: DbOrTrx, now: string): Promise<void> {
      await db.deleteFrom("oidc_sign_in_states").where("expires_at", "<", now).execute();
    },
  };
}

export type ExternalAccountsRepository = ReturnType<typeof createExternalAccountsRepository>;
