/** All SQL for accounts, sessions and sign-in attempts. */
import type { DbOrTrx } from "../../platform/db/database.js";
import type { SessionTable, UserTable } from "../../platform/db/schema.js";
import { newId } from "../../platform/ids.js";

export type UserRow = UserTable;

export interface SessionWithUser {
  session: SessionTable;
  user: UserRow;
}

export function createAuthRepository() {
  return {
    findUserByEmail(db: DbOrTrx, email: string): Promise<UserRow | undefined> {
      return db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
    },

    findUserById(db: DbOrTrx, id: string): Promise<UserRow | undefined> {
      return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    },

    countUsers(db: DbOrTrx): Promise<number> {
      return db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },

    async listUsers(
      db: DbOrTrx,
      page: { limit: number; offset: number },
      q?: string,
    ): Promise<{ rows: UserRow[]; total: number }> {
      let base = db.selectFrom("users");
      if (q)
        base = base.where((eb) =>
          eb.or([eb("email", "like", `%${q.toLowerCase()}%`), eb("display_name", "like", `%${q}%`)]),
        );
      const rows = await base.selectAll().orderBy("email").limit(page.limit).offset(page.offset).execute();
      const { n } = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      return { rows, total: Number(n) };
    },

    async insertUser(db: DbOrTrx, user: UserRow): Promise<void> {
      await db.insertInto("users").values(user).execute();
    },

    async updateUser(db: DbOrTrx, id: string, patch: Partial<UserRow>): Promise<void> {
      await db.updateTable("users").set(patch).where("id", "=", id).execute();
    },

    /** The live session for a token hash together with its user, in one query. */
    async findLiveSession(db: DbOrTrx, tokenHash: string, now: string): Promise<SessionWithUser | undefined> {
      const row = await db
        .selectFrom("sessions as s")
        .innerJoin("users as u", "u.id", "s.user_id")
        .select([
          "s.id as s_id",
          "s.user_id as s_user_id",
          "s.csrf_token as s_csrf_token",
          "s.created_at as s_created_at",
          "s.last_seen_at as s_last_seen_at",
          "s.expires_at as s_expires_at",
          "s.ip as s_ip",
          "s.user_agent as s_user_agent",
          "s.revoked_at as s_revoked_at",
          "s.auth_method as s_auth_method",
          "u.id",
          "u.email",
          "u.display_name",
          "u.password_hash",
          "u.roles",
          "u.person_id",
          "u.is_active",
          "u.translation_languages",
          "u.must_change_password",
          "u.failed_logins",
          "u.locked_until",
          "u.password_changed_at",
          "u.created_at",
          "u.updated_at",
        ])
        .where("s.id", "=", tokenHash)
        .where("s.revoked_at", "is", null)
        .where("s.expires_at", ">", now)
        .where("u.is_active", "=", 1)
        .executeTakeFirst();
      if (!row) return undefined;
      const {
        s_id,
        s_user_id,
        s_csrf_token,
        s_created_at,
        s_last_seen_at,
        s_expires_at,
        s_ip,
        s_user_agent,
        s_revoked_at,
        s_auth_method,
        ...user
      } = row;
      return {
        session: {
          id: s_id,
          user_id: s_user_id,
          csrf_token: s_csrf_token,
          created_at: s_created_at,
          last_seen_at: s_last_seen_at,
          expires_at: s_expires_at,
          ip: s_ip,
          user_agent: s_user_agent,
          revoked_at: s_revoked_at,
          auth_method: s_auth_method,
        },
        user,
      };
    },

    async insertSession(db: DbOrTrx, session: SessionTable): Promise<void> {
      await db.insertInto("sessions").values(session).execute();
    },

    async touchSession(db: DbOrTrx, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
      await db
        .updateTable("sessions")
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where("id", "=", id)
        .execute();
    },

    listSessions(db: DbOrTrx, userId: string, now: string): Promise<SessionTable[]> {
      return db
        .selectFrom("sessions")
        .selectAll()
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .where("expires_at", ">", now)
        .orderBy("last_seen_at", "desc")
        .execute();
    },

    findSession(db: DbOrTrx, id: string): Promise<SessionTable | undefined> {
      return db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async revokeSession(db: DbOrTrx, id: string, at: string): Promise<void> {
      await db
        .updateTable("sessions")
        .set({ revoked_at: at })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .execute();
    },

    /** Revokes every session of a user, except one when given (password change keeps the current one). */
    async revokeUserSessions(db: DbOrTrx, userId: string, at: string, exceptId?: string): Promise<void> {
      let q = db
        .updateTable("sessions")
        .set({ revoked_at: at })
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null);
      if (exceptId) q = q.where("id", "!=", exceptId);
      await q.execute();
    },

    async recordAttempt(db: DbOrTrx, email: string, ip: string, at: string, success: boolean): Promise<void> {
      await db
        .insertInto("login_attempts")
        .values({ id: newId(), email: email.toLowerCase(), ip, at, success: success ? 1 : 0 })
        .execute();
    },

    /** True when the account signed in successfully from this address since `since`. */
    async hasSignedInFrom(db: DbOrTrx, email: string, ip: string, since: string): Promise<boolean> {
      const row = await db
        .selectFrom("login_attempts")
        .select("id")
        .where("email", "=", email.toLowerCase())
        .where("ip", "=", ip)
        .where("success", "=", 1)
        .where("at", ">=", since)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Failed sign-ins of an account and/or from an address since `since` (and, with
     * `sinceLastSuccess`, since the last successful one in the same scope): how many, and the last.
     */
    async failureStats(
      db: DbOrTrx,
      scope: { email?: string; ip?: string },
      since: string,
      options: { sinceLastSuccess?: boolean } = {},
    ): Promise<{ failures: number; lastAt: string | null }> {
      const scoped = () => {
        let q = db.selectFrom("login_attempts").where("at", ">=", since);
        if (scope.email !== undefined) q = q.where("email", "=", scope.email.toLowerCase());
        if (scope.ip !== undefined) q = q.where("ip", "=", scope.ip);
        return q;
      };
      let from = since;
      if (options.sinceLastSuccess) {
        const last = await scoped()
          .select((eb) => eb.fn.max("at").as("at"))
          .where("success", "=", 1)
          .executeTakeFirst();
        if (last?.at && last.at > from) from = last.at;
      }
      const r = await scoped()
        .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("at").as("last_at")])
        .where("success", "=", 0)
        .where("at", ">", from)
        .executeTakeFirstOrThrow();
      return { failures: Number(r.n), lastAt: r.last_at ?? null };
    },

    /** Forgets sign-in attempts older than `before`; the number forgotten. */
    async pruneAttempts(db: DbOrTrx, before: string): Promise<number> {
      const r = await db.deleteFrom("login_attempts").where("at", "<", before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    /** Forgets sessions that ended (expired, or revoked and so expired too) before `before`; the number. */
    async pruneSessions(db: DbOrTrx, before: string): Promise<number> {
      const r = await db.deleteFrom("sessions").where("expires_at", "<", before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
