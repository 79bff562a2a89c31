/** All SQL of the second factor: TOTP enrolment, recovery codes, passkeys and pending challenges. */
import type { DbOrTrx } from "../../../platform/db/database.js";
import type {
  AuthChallengeKind,
  AuthChallengeTable,
  PasskeyTable,
  RecoveryCodeTable,
  UserTotpTable,
} from "./mfa.tables.js";

export function createMfaRepository() {
  return {
    findTotp(db: DbOrTrx, userId: string): Promise<UserTotpTable | undefined> {
      return db.selectFrom("user_totp").selectAll().where("user_id", "=", userId).executeTakeFirst();
    },

    /** True when the account has a confirmed authenticator. */
    async hasConfirmedTotp(db: DbOrTrx, userId: string): Promise<boolean> {
      const row = await db
        .selectFrom("user_totp")
        .select("user_id")
        .where("user_id", "=", userId)
        .where("confirmed_at", "is not", null)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Starts (or restarts) an unconfirmed enrolment. */
    async putPendingTotp(db: DbOrTrx, row: UserTotpTable): Promise<void> {
      await db.deleteFrom("user_totp").where("user_id", "=", row.user_id).execute();
      await db.insertInto("user_totp").values(row).execute();
    },

    async confirmTotp(db: DbOrTrx, userId: string, at: string, timeStep: number): Promise<void> {
      await db
        .updateTable("user_totp")
        .set({ confirmed_at: at, last_time_step: timeStep })
        .where("user_id", "=", userId)
        .execute();
    },

    /**
     * Records the time step of an accepted code, only if it is later than the last one: returns false
     * when another request accepted the same (or a later) code first.
     */
    async advanceTimeStep(db: DbOrTrx, userId: string, timeStep: number): Promise<boolean> {
      const r = await db
        .updateTable("user_totp")
        .set({ last_time_step: timeStep })
        .where("user_id", "=", userId)
        .where((eb) => eb.or([eb("last_time_step", "is", null), eb("last_time_step", "<", timeStep)]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async deleteTotp(db: DbOrTrx, userId: string): Promise<void> {
      await db.deleteFrom("user_totp").where("user_id", "=", userId).execute();
    },

    async replaceRecoveryCodes(db: DbOrTrx, userId: string, rows: RecoveryCodeTable[]): Promise<void> {
      await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
      if (rows.length > 0) await db.insertInto("recovery_codes").values(rows).execute();
    },

    unusedRecoveryCodes(db: DbOrTrx, userId: string): Promise<RecoveryCodeTable[]> {
      return db
        .selectFrom("recovery_codes")
        .selectAll()
        .where("user_id", "=", userId)
        .where("used_at", "is", null)
        .execute();
    },

    /** Marks a recovery code used; false when it was used meanwhile. */
    async spendRecoveryCode(db: DbOrTrx, id: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable("recovery_codes")
        .set({ used_at: at })
        .where("id", "=", id)
        .where("used_at", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    listPasskeys(db: DbOrTrx, userId: string): Promise<PasskeyTable[]> {
      return db
        .selectFrom("passkeys")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("created_at")
        .execute();
    },

    findPasskey(db: DbOrTrx, id: string): Promise<PasskeyTable | undefined> {
      return db.selectFrom("passkeys").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async insertPasskey(db: DbOrTrx, row: PasskeyTable): Promise<void> {
      await db.insertInto("passkeys").values(row).execute();
    },

    async updatePasskey(
      db: DbOrTrx,
      id: string,
      patch: Partial<Pick<PasskeyTable, "name" | "counter" | "last_used_at">>,
    ): Promise<void> {
      await db.updateTable("passkeys").set(patch).where("id", "=", id).execute();
    },

    async deletePasskey(db: DbOrTrx, id: string): Promise<void> {
      await db.deleteFrom("passkeys").where("id", "=", id).execute();
    },

    async deleteUserPasskeys(db: DbOrTrx, userId: string): Promise<void> {
      await db.deleteFrom("passkeys").where("user_id", "=", userId).execute();
    },

    async insertChallenge(db: DbOrTrx, row: AuthChallengeTable): Promise<void> {
      await db.insertInto("auth_challenges").values(row).execute();
    },

    /** A challenge of this kind that is neither used nor expired. */
    findLiveChallenge(
      db: DbOrTrx,
      id: string,
      kind: AuthChallengeKind,
      now: string,
    ): Promise<AuthChallengeTable | undefined> {
      return db
        .selectFrom("auth_challenges")
        .selectAll()
        .where("id", "=", id)
        .where("kind", "=", kind)
        .where("used_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
    },

    /** Consumes a challenge once: false when it was consumed meanwhile. */
    async consumeChallenge(db: DbOrTrx, id: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable("auth_challenges")
        .set({ used_at: at })
        .where("id", "=", id)
        .where("used_at", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async countChallengeAttempt(db: DbOrTrx, id: string): Promise<void> {
      await db
        .updateTable("auth_challenges")
        .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
        .where("id", "=", id)
        .execute();
    },

    /** Records that a session now has its second factor (after enrolment). */
    async setSessionMethod(db: DbOrTrx, sessionId: string, method: string): Promise<void> {
      await db.updateTable("sessions").set({ auth_method: method }).where("id", "=", sessionId).execute();
    },

    async pruneChallenges(db: DbOrTrx, before: string): Promise<void> {
      await db.deleteFrom("auth_challenges").where("expires_at", "<", before).execute();
    },
  };
}

export type MfaRepository = ReturnType<typeof createMfaRepository>;
