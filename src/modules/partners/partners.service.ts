/**
 * The partners register: foreign partner localities and sister cities, international organisations, partner
 * media, associations of people from the city abroad and the city's symbols placed abroad, each with its
 * contacts, cooperation agreements, activities and the history of information exchanged both ways.
 */

import type { z } from "zod";
import type { RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { pageOf, toLimitOffset } from "../../platform/http/pagination.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertNoProblems, readSheetRows } from "../../platform/import-rows/import-rows.js";
import { assertCan } from "../../platform/policy/policy.js";
import type {
  ActivityBody,
  AgreementBody,
  ContactBody,
  CreatePartnerBody,
  ExchangeBody,
  PartnerListQuery,
  UpdatePartnerBody,
} from "../../shared/api/partners.js";
import type { AuditService } from "../audit/audit.service.js";
import { todayInHoChiMinh } from "../follow-up/calendar/calendar.clock.js";
import { addDays } from "../follow-up/calendar/calendar.dates.js";
import { storeUpload, type UploadDeps } from "../follow-up/follow-up.files.js";
import { partnerErrors } from "./partners.errors.js";
import { ImportedPartner, PARTNER_IMPORT_COLUMNS } from "./partners.export.js";
import { presentPartner, presentPartnerSummary } from "./partners.presenter.js";
import { foldPartnerText, type PartnersRepository } from "./partners.repository.js";
import type { PartnerAgreementTable, PartnerTable } from "./partners.tables.js";

/** Days before expiry that the secretariat is reminded to renew an agreement (default). */
export const DEFAULT_RENEWAL_REMINDER_DAYS = 90;

export interface PartnersServiceDeps {
  db: Db;
  partners: PartnersRepository;
  audit: AuditService;
  uploads: UploadDeps;
  /** Days before expiry when the renewal reminder is sent. */
  reminderDays?: number;
  /** Today's date in Asia/Ho_Chi_Minh (tests pin it). */
  today?: () => string;
}

/** What a delegation's results tell the register: an agreement signed with a partner. */
export interface RecordAgreementInput {
  country: string;
  /** The partner's Vietnamese or original name; a partner of that name is created when none exists. */
  partnerName: string;
  /** Kind of a partner created here (default: partner locality). */
  partnerKind?: PartnerTable["kind"];
  title: string;
  signedOn: string;
  expiresOn?: string | null;
  delegationId: string | null;
}

function assertAgreementDates(signedOn: string, expiresOn: string | null | undefined) {
  if (expiresOn && expiresOn < signedOn)
    throw partnerErrors.agreementExpiresBeforeSigning({ meta: { signedOn, expiresOn } });
}

/**
 * Records an agreement inside the caller's transaction (the delegations register calls it for the
 * agreements signed during a visit). The same partner, title and signing date are recorded once.
 * With `journal`, the new partner and agreement are audited under the caller's request.
 */
export async function recordAgreement(
  trx: DbOrTrx,
  input: RecordAgreementInput,
  journal?: { audit: AuditService; ctx: RequestContext; partners: PartnersRepository },
): Promise<{ partnerId: string; agreementId: string; isNew: boolean }> {
  assertAgreementDates(input.signedOn, input.expiresOn);
  const repo = journal?.partners ?? (await import("./partners.repository.js")).createPartnersRepository();
  let partner = await repo.findByName(trx, input.country, input.partnerName);
  const now = nowIso();
  if (!partner) {
    const fields = {
      name_vi: input.partnerName.trim(),
      name_original: null,
      country: input.country.trim(),
      description: null,
    };
    partner = {
      id: newId(),
      kind: input.partnerKind ?? "sister_city",
      ...fields,
      since_date: null,
      folded_text: foldPartnerText(fields),
      created_by: journal?.ctx.actor?.userId ?? null,
      created_at: now,
      updated_at: now,
    };
    await repo.insert(trx, partner);
    await journal?.audit.record(trx, journal.ctx, {
      entityType: "partner",
      entityId: partner.id,
      action: "create",
      after: partner,
    });
  }
  const existing = (await repo.agreements(trx, partner.id)).find(
    (a) => a.title === input.title.trim() && a.signed_on === input.signedOn,
  );
  if (existing) return { partnerId: partner.id, agreementId: existing.id, isNew: false };
  const row: PartnerAgreementTable = {
    id: newId(),
    partner_id: partner.id,
    title: input.title.trim(),
    signed_on: input.signedOn,
    expires_on: input.expiresOn ?? null,
    delegation_id: input.delegationId,
    note: null,
    reminded_for: null,
    created_at: now,
  };
  await repo.insertAgreement(trx, row);
  await journal?.audit.record(trx, journal.ctx, {
    entityType: "partner_agreement",
    entityId: row.id,
    action: "create",
    after: row,
  });
  return { partnerId: partner.id, agreementId: row.id, isNew: true };
}

export function createPartnersService(deps: PartnersServiceDeps) {
  const { db, partners, audit } = deps;
  const reminderDays = deps.reminderDays ?? DEFAULT_RENEWAL_REMINDER_DAYS;
  const today = deps.today ?? (() => todayInHoChiMinh());
  const dates = () => {
    const t = today();
    return { today: t, windowEnd: addDays(t, reminderDays) };
  };

  async function mustFind(trx: DbOrTrx, id: string): Promise<PartnerTable> {
    const row = await partners.find(trx, id);
    if (!row) throw partnerErrors.partnerNotFound({ meta: { id } });
    return row;
  }

  async function detail(trx: DbOrTrx, id: string) {
    const row = await partners.listRow(trx, id, today());
    if (!row) throw partnerErrors.partnerNotFound({ meta: { id } });
    const [contacts, agreements, activities, exchanges] = await Promise.all([
      partners.contacts(trx, id),
      partners.agreements(trx, id),
      partners.activities(trx, id),
      partners.exchanges(trx, id),
    ]);
    return presentPartner(row, { contacts, agreements, activities, exchanges }, dates());
  }

  /** Runs a change of a partner's children in one transaction, touching the partner and auditing. */
  async function changeChild<T extends { id: string }>(
    ctx: RequestContext,
    partnerId: string,
    entityType: string,
    action: "create" | "delete",
    work: (trx: DbOrTrx) => Promise<T>,
  ) {
    assertCan(ctx.actor, "partners.manage");
    return db.transaction().execute(async (trx) => {
      await mustFind(trx, partnerId);
      const record = await work(trx);
      await partners.update(trx, partnerId, { updated_at: nowIso() });
      await audit.record(trx, ctx, {
        entityType,
        entityId: record.id,
        action,
        ...(action === "create" ? { after: record } : { before: record }),
      });
      return detail(trx, partnerId);
    });
  }

  async function removeChild(
    ctx: RequestContext,
    table: "partner_contacts" | "partner_agreements" | "partner_activities" | "partner_exchanges",
    entityType: string,
    partnerId: string,
    itemId: string,
  ) {
    return changeChild(ctx, partnerId, entityType, "delete", async (trx) => {
      const found = await partners.findChild(trx, table, partnerId, itemId);
      if (!found) throw partnerErrors.itemNotFound({ meta: { itemId } });
      await partners.deleteChild(trx, table, itemId);
      return found;
    });
  }

  return {
    reminderDays,

    async list(ctx: RequestContext, query: PartnerListQuery) {
      assertCan(ctx.actor, "partners.read");
      const { limit, offset } = toLimitOffset(query);
      const { rows, total } = await partners.page(db, query, today(), limit, offset);
      return pageOf(rows.map(presentPartnerSummary), total, query);
    },

    /** Every partner matching the filter (for exports). */
    async all(ctx: RequestContext, filter: Pick<PartnerListQuery, "q" | "kind" | "country">) {
      assertCan(ctx.actor, "partners.read");
      return partners.all(db, filter, today());
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "partners.read");
      return detail(db, id);
    },

    async create(ctx: RequestContext, input: CreatePartnerBody) {
      assertCan(ctx.actor, "partners.manage");
      const [created] = await this.createMany(ctx, [input]);
      return created as Awaited<ReturnType<typeof detail>>;
    },

    /** Creates partners in one transaction (a form, or every row of an import). */
    async createMany(ctx: RequestContext, inputs: readonly CreatePartnerBody[]) {
      assertCan(ctx.actor, "partners.manage");
      return db.transaction().execute(async (trx) => {
        const out = [];
        for (const input of inputs) {
          const now = nowIso();
          const fields = {
            name_vi: input.nameVi,
            name_original: input.nameOriginal ?? null,
            country: input.country,
            description: input.description ?? null,
          };
          const row: PartnerTable = {
            id: newId(),
            kind: input.kind,
            ...fields,
            since_date: input.sinceDate ?? null,
            folded_text: foldPartnerText(fields),
            created_by: ctx.actor?.userId ?? null,
            created_at: now,
            updated_at: now,
          };
          await partners.insert(trx, row);
          const created = await detail(trx, row.id);
          await audit.record(trx, ctx, {
            entityType: "partner",
            entityId: row.id,
            action: "create",
            after: created,
          });
          out.push(created);
        }
        return out;
      });
    },

    async update(ctx: RequestContext, id: string, input: UpdatePartnerBody) {
      assertCan(ctx.actor, "partners.manage");
      return db.transaction().execute(async (trx) => {
        const before = await mustFind(trx, id);
        const beforeDto = await detail(trx, id);
        const fields = {
          name_vi: input.nameVi ?? before.name_vi,
          name_original: input.nameOriginal !== undefined ? input.nameOriginal : before.name_original,
          country: input.country ?? before.country,
          description: input.description !== undefined ? input.description : before.description,
        };
        await partners.update(trx, id, {
          ...fields,
          ...(input.kind !== undefined && { kind: input.kind }),
          ...(input.sinceDate !== undefined && { since_date: input.sinceDate }),
          folded_text: foldPartnerText(fields),
          updated_at: nowIso(),
        });
        const after = await detail(trx, id);
        await audit.record(trx, ctx, {
          entityType: "partner",
          entityId: id,
          action: "update",
          before: beforeDto,
          after,
        });
        return after;
      });
    },

    async remove(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "partners.manage");
      await db.transaction().execute(async (trx) => {
        const before = await detail(trx, id);
        await partners.delete(trx, id);
        await audit.record(trx, ctx, { entityType: "partner", entityId: id, action: "delete", before });
      });
    },

    addContact: (ctx: RequestContext, partnerId: string, input: z.infer<typeof ContactBody>) =>
      changeChild(ctx, partnerId, "partner_contact", "create", async (trx) => {
        const row = {
          id: newId(),
          partner_id: partnerId,
          name: input.name,
          role: input.role ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          created_at: nowIso(),
        };
        await partners.insertContact(trx, row);
        return row;
      }),
    removeContact: (ctx: RequestContext, partnerId: string, itemId: string) =>
      removeChild(ctx, "partner_contacts", "partner_contact", partnerId, itemId),

    addAgreement: (ctx: RequestContext, partnerId: string, input: AgreementBody) => {
      assertAgreementDates(input.signedOn, input.expiresOn);
      return changeChild(ctx, partnerId, "partner_agreement", "create", async (trx) => {
        const row: PartnerAgreementTable = {
          id: newId(),
          partner_id: partnerId,
          title: input.title,
          signed_on: input.signedOn,
          expires_on: input.expiresOn ?? null,
          delegation_id: input.delegationId ?? null,
          note: input.note ?? null,
          reminded_for: null,
          created_at: nowIso(),
        };
        await partners.insertAgreement(trx, row);
        return row;
      });
    },
    removeAgreement: (ctx: RequestContext, partnerId: string, itemId: string) =>
      removeChild(ctx, "partner_agreements", "partner_agreement", partnerId, itemId),

    addActivity: (ctx: RequestContext, partnerId: string, input: z.infer<typeof ActivityBody>) =>
      changeChild(ctx, partnerId, "partner_activity", "create", async (trx) => {
        const row = {
          id: newId(),
          partner_id: partnerId,
          occurred_on: input.occurredOn,
          title: input.title,
          description: input.description ?? null,
          created_at: nowIso(),
        };
        await partners.insertActivity(trx, row);
        return row;
      }),
    removeActivity: (ctx: RequestContext, partnerId: string, itemId: string) =>
      removeChild(ctx, "partner_activities", "partner_activity", partnerId, itemId),

    addExchange: (ctx: RequestContext, partnerId: string, input: ExchangeBody) =>
      changeChild(ctx, partnerId, "partner_exchange", "create", async (trx) => {
        const fileId = input.file
          ? await storeUpload(trx, deps.uploads, input.file, ctx.actor?.userId ?? null)
          : null;
        const row = {
          id: newId(),
          partner_id: partnerId,
          exchanged_on: input.exchangedOn,
          direction: input.direction,
          subject: input.subject,
          channel: input.channel,
          note: input.note ?? null,
          file_id: fileId,
          created_by: ctx.actor?.userId ?? null,
          created_at: nowIso(),
        };
        await partners.insertExchange(trx, row);
        return row;
      }),
    removeExchange: (ctx: RequestContext, partnerId: string, itemId: string) =>
      removeChild(ctx, "partner_exchanges", "partner_exchange", partnerId, itemId),

    /**
     * Imports partners from the first sheet of a workbook (columns as in the export): every row is checked
     * first; with any bad row nothing is written and the answer lists each problem by row.
     */
    async importWorkbook(ctx: RequestContext, upload: { contentBase64: string }) {
      assertCan(ctx.actor, "partners.manage");
      const report = await readSheetRows(
        Buffer.from(upload.contentBase64, "base64"),
        PARTNER_IMPORT_COLUMNS,
        ImportedPartner,
      );
      const created = await this.createMany(ctx, assertNoProblems(report));
      return { imported: created.length };
    },

    /** The stored file of an exchange, for download. */
    async exchangeFile(ctx: RequestContext, partnerId: string, itemId: string) {
      assertCan(ctx.actor, "partners.read");
      const exchange = await partners.findExchange(db, partnerId, itemId);
      if (!exchange) throw partnerErrors.itemNotFound({ meta: { itemId } });
      if (!exchange.file_id) throw partnerErrors.fileNotFound();
      const file = await deps.uploads.storedFiles.findById(db, exchange.file_id);
      if (!file) throw partnerErrors.fileNotFound();
      return { file, bytes: await deps.uploads.store.read(file.storage_path) };
    },

    /** Agreements signed on behalf of a delegation (see {@link recordAgreement}). */
    recordAgreement: (trx: DbOrTrx, ctx: RequestContext, input: RecordAgreementInput) =>
      recordAgreement(trx, input, { audit, ctx, partners }),
  };
}

export type PartnersService = ReturnType<typeof createPartnersService>;
