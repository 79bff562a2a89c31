/** All SQL of the partners register: partners, contacts, agreements, activities and exchanges. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type {
  PartnerActivityTable,
  PartnerAgreementTable,
  PartnerContactTable,
  PartnerExchangeTable,
  PartnerTable,
} from "./partners.tables.js";

export interface PartnerFilter {
  q?: string | undefined;
  kind?: string | undefined;
  country?: string | undefined;
}

/** A partner with the counts its list row shows. */
export type PartnerListRow = PartnerTable & {
  agreement_count: number | string;
  exchange_count: number | string;
  last_exchange_on: string | null;
  next_expiry_on: string | null;
};

export type ExchangeRow = PartnerExchangeTable & { file_name: string | null; file_size: number | null };

/** Names, country and description, folded: the text `q` searches. */
export const foldPartnerText = (p: {
  name_vi: string;
  name_original: string | null;
  country: string;
  description: string | null;
}) => foldVietnamese([p.name_vi, p.name_original ?? "", p.country, p.description ?? ""].join(" "));

type ChildTable = "partner_contacts" | "partner_agreements" | "partner_activities" | "partner_exchanges";

function listQuery(db: DbOrTrx, filter: PartnerFilter, today: string) {
  let q = db
    .selectFrom("partners as p")
    .selectAll("p")
    .select((eb) => [
      eb
        .selectFrom("partner_agreements as a")
        .select((e) => e.fn.countAll().as("n"))
        .whereRef("a.partner_id", "=", "p.id")
        .as("agreement_count"),
      eb
        .selectFrom("partner_exchanges as x")
        .select((e) => e.fn.countAll().as("n"))
        .whereRef("x.partner_id", "=", "p.id")
        .as("exchange_count"),
      eb
        .selectFrom("partner_exchanges as x")
        .select((e) => e.fn.max("x.exchanged_on").as("d"))
        .whereRef("x.partner_id", "=", "p.id")
        .as("last_exchange_on"),
      eb
        .selectFrom("partner_agreements as a")
        .select((e) => e.fn.min("a.expires_on").as("d"))
        .whereRef("a.partner_id", "=", "p.id")
        .where("a.expires_on", ">=", today)
        .as("next_expiry_on"),
    ]);
  if (filter.q) {
    const pattern = `%${escapeLike(foldVietnamese(filter.q))}%`;
    q = q.where(sql<boolean>`p.folded_text like ${pattern} escape '\\'`);
  }
  if (filter.kind) q = q.where("p.kind", "=", filter.kind);
  if (filter.country) q = q.where("p.country", "=", filter.country);
  return q;
}

export function createPartnersRepository() {
  return {
    async insert(db: DbOrTrx, row: PartnerTable) {
      await db.insertInto("partners").values(row).execute();
    },
    async update(db: DbOrTrx, id: string, changes: Partial<PartnerTable>) {
      await db.updateTable("partners").set(changes).where("id", "=", id).execute();
    },
    async delete(db: DbOrTrx, id: string) {
      await db.deleteFrom("partners").where("id", "=", id).execute();
    },
    async find(db: DbOrTrx, id: string): Promise<PartnerTable | undefined> {
      return db.selectFrom("partners").selectAll().where("id", "=", id).executeTakeFirst();
    },
    /** Finds a partner by its country and Vietnamese or original name (folded), for agreements from delegations. */
    async findByName(db: DbOrTrx, country: string, name: string): Promise<PartnerTable | undefined> {
      const folded = foldVietnamese(name);
      const rows = await db
        .selectFrom("partners")
        .selectAll()
        .where(sql<boolean>`lower(country) = ${country.trim().toLowerCase()}`)
        .execute();
      return rows.find(
        (p) => foldVietnamese(p.name_vi) === folded || foldVietnamese(p.name_original ?? "") === folded,
      );
    },

    async page(db: DbOrTrx, filter: PartnerFilter, today: string, limit: number, offset: number) {
      const rows = await listQuery(db, filter, today)
        .orderBy("p.country")
        .orderBy("p.name_vi")
        .limit(limit)
        .offset(offset)
        .execute();
      const total = await listQuery(db, filter, today)
        .clearSelect()
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      return { rows: rows as PartnerListRow[], total: Number(total.n) };
    },
    async all(db: DbOrTrx, filter: PartnerFilter, today: string): Promise<PartnerListRow[]> {
      return (await listQuery(db, filter, today)
        .orderBy("p.country")
        .orderBy("p.name_vi")
        .execute()) as PartnerListRow[];
    },
    async listRow(db: DbOrTrx, id: string, today: string): Promise<PartnerListRow | undefined> {
      return (await listQuery(db, {}, today).where("p.id", "=", id).executeTakeFirst()) as
        | PartnerListRow
        | undefined;
    },
    async byIds(db: DbOrTrx, ids: readonly string[]): Promise<PartnerTable[]> {
      if (ids.length === 0) return [];
      return db
        .selectFrom("partners")
        .selectAll()
        .where("id", "in", [...ids])
        .execute();
    },

    // --- children -------------------------------------------------------------------------------
    contacts(db: DbOrTrx, partnerId: string): Promise<PartnerContactTable[]> {
      return db
        .selectFrom("partner_contacts")
        .selectAll()
        .where("partner_id", "=", partnerId)
        .orderBy("created_at")
        .execute();
    },
    agreements(db: DbOrTrx, partnerId: string): Promise<PartnerAgreementTable[]> {
      return db
        .selectFrom("partner_agreements")
        .selectAll()
        .where("partner_id", "=", partnerId)
        .orderBy("signed_on", "desc")
        .execute();
    },
    activities(db: DbOrTrx, partnerId: string): Promise<PartnerActivityTable[]> {
      return db
        .selectFrom("partner_activities")
        .selectAll()
        .where("partner_id", "=", partnerId)
        .orderBy("occurred_on", "desc")
        .execute();
    },
    async exchanges(db: DbOrTrx, partnerId: string): Promise<ExchangeRow[]> {
      return db
        .selectFrom("partner_exchanges as x")
        .leftJoin("stored_files as f", "f.id", "x.file_id")
        .selectAll("x")
        .select(["f.original_name as file_name", "f.size as file_size"])
        .where("x.partner_id", "=", partnerId)
        .orderBy("x.exchanged_on", "desc")
        .orderBy("x.created_at", "desc")
        .execute();
    },
    async insertContact(db: DbOrTrx, row: PartnerContactTable) {
      await db.insertInto("partner_contacts").values(row).execute();
    },
    async insertAgreement(db: DbOrTrx, row: PartnerAgreementTable) {
      await db.insertInto("partner_agreements").values(row).execute();
    },
    async insertActivity(db: DbOrTrx, row: PartnerActivityTable) {
      await db.insertInto("partner_activities").values(row).execute();
    },
    async insertExchange(db: DbOrTrx, row: PartnerExchangeTable) {
      await db.insertInto("partner_exchanges").values(row).execute();
    },
    async findChild(db: DbOrTrx, table: ChildTable, partnerId: string, id: string) {
      return db
        .selectFrom(table)
        .selectAll()
        .where("id", "=", id)
        .where("partner_id", "=", partnerId)
        .executeTakeFirst();
    },
    async deleteChild(db: DbOrTrx, table: ChildTable, id: string) {
      await db.deleteFrom(table).where("id", "=", id).execute();
    },
    async findExchange(
      db: DbOrTrx,
      partnerId: string,
      id: string,
    ): Promise<PartnerExchangeTable | undefined> {
      return db
        .selectFrom("partner_exchanges")
        .selectAll()
        .where("id", "=", id)
        .where("partner_id", "=", partnerId)
        .executeTakeFirst();
    },

    // --- reminders and figures --------------------------------------------------------------------
    /** Agreements expiring in [from, to] that have not been reminded of for this expiry date. */
    async agreementsToRemind(db: DbOrTrx, from: string, to: string) {
      return db
        .selectFrom("partner_agreements as a")
        .innerJoin("partners as p", "p.id", "a.partner_id")
        .selectAll("a")
        .select(["p.name_vi", "p.country"])
        .where("a.expires_on", ">=", from)
        .where("a.expires_on", "<=", to)
        .where((eb) =>
          eb.or([eb("a.reminded_for", "is", null), eb("a.reminded_for", "!=", eb.ref("a.expires_on"))]),
        )
        .orderBy("a.expires_on")
        .execute();
    },
    async markReminded(db: DbOrTrx, id: string, expiresOn: string) {
      await db
        .updateTable("partner_agreements")
        .set({ reminded_for: expiresOn })
        .where("id", "=", id)
        .execute();
    },
    /** Active secretariat accounts: who is told of renewals. */
    async secretariatUsers(db: DbOrTrx): Promise<{ id: string; email: string | null }[]> {
      const rows = await db
        .selectFrom("users")
        .select(["id", "email", "roles"])
        .where("is_active", "=", 1)
        .execute();
      return rows
        .filter((u) =>
          String(u.roles)
            .split(/[,\s"[\]]+/)
            .includes("secretariat"),
        )
        .map((u) => ({ id: u.id, email: u.email }));
    },

    agreementsSignedBetween(db: DbOrTrx, from: string, to: string) {
      return db
        .selectFrom("partner_agreements as a")
        .innerJoin("partners as p", "p.id", "a.partner_id")
        .select(["a.id", "a.title", "a.signed_on", "a.expires_on", "p.name_vi", "p.country", "p.kind"])
        .where("a.signed_on", ">=", from)
        .where("a.signed_on", "<=", to)
        .orderBy("a.signed_on")
        .execute();
    },
    agreementsExpiringBetween(db: DbOrTrx, from: string, to: string) {
      return db
        .selectFrom("partner_agreements as a")
        .innerJoin("partners as p", "p.id", "a.partner_id")
        .select(["a.id", "a.title", "a.signed_on", "a.expires_on", "p.name_vi", "p.country", "p.kind"])
        .where("a.expires_on", ">=", from)
        .where("a.expires_on", "<=", to)
        .orderBy("a.expires_on")
        .execute();
    },
    exchangesBetween(db: DbOrTrx, from: string, to: string) {
      return db
        .selectFrom("partner_exchanges as x")
        .innerJoin("partners as p", "p.id", "x.partner_id")
        .select([
          "x.id",
          "x.exchanged_on",
          "x.direction",
          "x.subject",
          "x.channel",
          "p.name_vi",
          "p.country",
          "p.kind",
        ])
        .where("x.exchanged_on", ">=", from)
        .where("x.exchanged_on", "<=", to)
        .orderBy("x.exchanged_on")
        .execute();
    },
  };
}

export type PartnersRepository = ReturnType<typeof createPartnersRepository>;
