/**
 * Several processes on one PostgreSQL database each cache resolved sessions for a few seconds. These
 * triggers announce (`NOTIFY haidang_changes`, delivered at commit) every session that ends and every
 * account change a session depends on, whichever code or tool made it, so every process forgets them
 * at once (see `platform/db/change-notifier.ts`). SQLite runs one process: nothing to announce.
 */
import { type Kysely, sql } from "kysely";
import type { AppMigration } from "./migration.js";

export const changeNotificationsMigration: AppMigration = {
  name: "0022-change-notifications",
  async up(db: Kysely<unknown>, dialect) {
    if (dialect !== "postgres") return;
    await sql`create or replace function haidang_notify_session() returns trigger language plpgsql as $$
      begin
        perform pg_notify('haidang_changes', json_build_object('t', 'session', 'id', old.id)::text);
        return null;
      end $$`.execute(db);
    await sql`create trigger sessions_notify_end after update of revoked_at, expires_at on sessions
      for each row when (new.revoked_at is not null and old.revoked_at is null
        or new.expires_at < old.expires_at)
      execute function haidang_notify_session()`.execute(db);
    await sql`create trigger sessions_notify_delete after delete on sessions
      for each row execute function haidang_notify_session()`.execute(db);
    // Any change to an account but the sign-in bookkeeping: roles, active, password, person, name,
    // and columns added later (second factor…) without a new trigger.
    await sql`create or replace function haidang_notify_user() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or (to_jsonb(new) - 'failed_logins' - 'locked_until' - 'updated_at')
            is distinct from (to_jsonb(old) - 'failed_logins' - 'locked_until' - 'updated_at') then
          perform pg_notify('haidang_changes', json_build_object('t', 'user', 'id', old.id)::text);
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger users_notify_change after update or delete on users
      for each row execute function haidang_notify_user()`.execute(db);
  },
};
