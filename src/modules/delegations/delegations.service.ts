/**
 * The delegations register (đoàn ra, đoàn vào): entries with their members, itinerary, information plan,
 * authorising document and status; their coverage proposed from media monitoring and confirmed by the
 * secretariat. The secretariat edits every delegation; leads of a delegation's responsible unit edit theirs.
 */
import type { Actor, RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertNoProblems, readSheetRows } from "../../platform/import-rows/import-rows.js";
import { assertCan, can, hasAnyRole } from "../../platform/policy/policy.js";
import type { Role } from "../../platform/policy/roles.js";
import { countryNameVi, isKnownCountry } from "../../shared/api/countries.js";
import {
  type CreateDelegationBody,
  DELEGATION_TRANSITIONS,
  type DelegationListQuery,
  type DelegationStatus,
  type UpdateDelegationBody,
} from "../../shared/api/delegations.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { AuditService } from "../audit/audit.service.js";
import { coverageOf, decideCoverage } from "../registers/register-coverage.js";
import { createCoverageRepository } from "../registers/register-coverage.repository.js";
import { delegationErrors } from "./delegations.errors.js";
import { DELEGATION_IMPORT_COLUMNS, ImportedDelegation } from "./delegations.import.js";
import { delegationSnapshot } from "./delegations.presenter.js";
import type { DelegationFilter, DelegationRow, DelegationsRepository } from "./delegations.repository.js";
import type { DelegationTable } from "./delegations.tables.js";

/** Roles that edit every delegation. */
const ANYWHERE: readonly Role[] = ["admin", "secretariat"];
/** Days before the start and after the end within which monitoring items are proposed as coverage. */
export const COVERAGE_MARGIN_DAYS = 3;

const coverage = createCoverageRepository({ table: "delegation_coverage", entryColumn: "delegation_id" });

/** An agreement signed during a delegation, as the partners register receives it. */
export interface SignedAgreementHandOff {
  delegationId: string;
  title: string;
  date: string;
  partner: string;
  countryCode: string;
}

export const foldDelegationText = (title: string, partner: string | null | undefined, countryCode: string) =>
  foldVietnamese(`${title} ${partner ?? ""} ${countryNameVi(countryCode)} ${countryCode}`);

const shiftDay = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Words that name a kind of place, not the place: left out of the coverage search terms. */
const PLACE_PREFIX = /^(thanh pho|tinh|bang|vung|quan|huyen|thu do|dac khu|to chuc|hoi)\s+/;

/** The folded terms a monitoring item must mention to be proposed as a delegation's coverage. */
export function coverageTerms(row: Pick<DelegationRow, "country_code" | "partner">): string[] {
  const terms = new Set<string>([foldVietnamese(countryNameVi(row.country_code))]);
  if (row.partner) {
    const partner = foldVietnamese(row.partner).replace(PLACE_PREFIX, "");
    if (partner.length >= 3) terms.add(partner);
  }
  return [...terms].filter((t) => t.length >= 2);
}

export function createDelegationsService(deps: {
  db: Db;
  delegations: DelegationsRepository;
  audit: AuditService;
  /** Hands signed agreements to the partners register, when it exists. */
  recordAgreements?: (
    trx: DbOrTrx,
    ctx: RequestContext,
    agreements: SignedAgreementHandOff[],
  ) => Promise<void>;
}) {
  const { db, delegations, audit } = deps;

  async function mustFind(trx: DbOrTrx, id: string): Promise<DelegationRow> {
    const row = await delegations.find(trx, id);
    if (!row) throw delegationErrors.notFound({ meta: { id } });
    return row;
  }

  /** The secretariat edits all; a member or leader edits the delegations their unit is responsible for. */
  async function canEditRow(actor: Actor | null, row: Pick<DelegationRow, "responsible_unit_id">) {
    if (!actor || !can(actor, "delegations.edit")) return false;
    if (hasAnyRole(actor, ANYWHERE)) return true;
    if (!actor.personId || !row.responsible_unit_id) return false;
    return (await delegations.personUnit(db, actor.personId)) === row.responsible_unit_id;
  }

  async function validate(input: {
    countryCode: string;
    startDate: string;
    endDate: string;
    unitId: string | null | undefined;
    personIds: string[];
  }) {
    if (!isKnownCountry(input.countryCode))
      throw delegationErrors.unknownCountry({ meta: { countryCode: input.countryCode } });
    if (input.endDate < input.startDate)
      throw delegationErrors.endBeforeStart({ meta: { startDate: input.startDate, endDate: input.endDate } });
    if (input.unitId && !(await delegations.unitExists(db, input.unitId)))
      throw delegationErrors.unitNotFound();
    const missing = await delegations.missingPeople(db, input.personIds);
    if (missing.length > 0) throw delegationErrors.personNotFound({ meta: { personIds: missing } });
  }

  const personIdsOf = (input: Pick<UpdateDelegationBody, "head" | "members">) =>
    [input.head?.personId, ...(input.members ?? []).map((m) => m.personId)].filter(
      (id): id is string => typeof id === "string",
    );

  const planJson = (plan: CreateDelegationBody["informationPlan"]) =>
    JSON.stringify({
      pressRelease: plan.pressRelease,
      photos: plan.photos,
      interviews: plan.interviews,
      languages: plan.languages,
    });

  /** Builds the stored row of a new delegation (validated); shared with the XLSX import. */
  async function rowOf(ctx: RequestContext, input: CreateDelegationBody): Promise<DelegationTable> {
    await validate({
      countryCode: input.countryCode,
      startDate: input.startDate,
      endDate: input.endDate,
      unitId: input.informationPlan.responsibleUnitId,
      personIds: personIdsOf(input),
    });
    const now = nowIso();
    return {
      id: newId(),
      title: input.title,
      folded_text: foldDelegationText(input.title, input.partner, input.countryCode),
      channel: input.channel,
      direction: input.direction,
      country_code: input.countryCode,
      partner: input.partner ?? null,
      level: input.level ?? null,
      head_json: JSON.stringify(input.head ?? null),
      members_json: JSON.stringify(input.members),
      start_date: input.startDate,
      end_date: input.endDate,
      itinerary_json: JSON.stringify(input.itinerary),
      info_plan_json: planJson(input.informationPlan),
      responsible_unit_id: input.informationPlan.responsibleUnitId ?? null,
      auth_number: input.authorisation?.number ?? null,
      auth_date: input.authorisation?.date ?? null,
      auth_issuer: input.authorisation?.issuer ?? null,
      status: "proposed",
      agreements_json: JSON.stringify(input.agreements),
      created_by: ctx.actor?.userId ?? null,
      created_at: now,
      updated_at: now,
    };
  }

  async function insertAudited(trx: DbOrTrx, ctx: RequestContext, row: DelegationTable) {
    await delegations.insert(trx, row);
    const created = await mustFind(trx, row.id);
    await audit.record(trx, ctx, {
      entityType: "delegation",
      entityId: row.id,
      action: "create",
      after: delegationSnapshot(created),
    });
    return created;
  }

  async function handOffAgreements(trx: DbOrTrx, ctx: RequestContext, row: DelegationRow) {
    if (!deps.recordAgreements) return;
    const agreements = JSON.parse(row.agreements_json) as { title: string; date: string; partner: string }[];
    if (agreements.length === 0) return;
    await deps.recordAgreements(
      trx,
      ctx,
      agreements.map((a) => ({ ...a, delegationId: row.id, countryCode: row.country_code })),
    );
  }

  return {
    canEditRow,
    rowOf,
    insertAudited,

    /**
     * Imports delegations from the first sheet of a workbook: every row is checked first; with any bad
     * row nothing is written and the answer (400 `import_rows_invalid`) lists each problem by row.
     */
    async importWorkbook(ctx: RequestContext, upload: { contentBase64: string }) {
      assertCan(ctx.actor, "delegations.manage");
      const report = await readSheetRows(
        Buffer.from(upload.contentBase64, "base64"),
        DELEGATION_IMPORT_COLUMNS,
        ImportedDelegation,
      );
      const inputs = assertNoProblems(report);
      const rows: DelegationTable[] = [];
      for (const input of inputs) rows.push(await rowOf(ctx, input));
      await db.transaction().execute(async (trx) => {
        for (const row of rows) await insertAudited(trx, ctx, row);
      });
      return { imported: rows.length };
    },

    async list(ctx: RequestContext, query: DelegationListQuery) {
      assertCan(ctx.actor, "delegations.read");
      return delegations.list(db, query, {
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
    },

    async all(ctx: RequestContext, filter: DelegationFilter) {
      assertCan(ctx.actor, "delegations.read");
      return delegations.all(db, filter);
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "delegations.read");
      const row = await mustFind(db, id);
      return { row, canEdit: await canEditRow(ctx.actor, row) };
    },

    async create(ctx: RequestContext, input: CreateDelegationBody) {
      assertCan(ctx.actor, "delegations.manage");
      const row = await rowOf(ctx, input);
      return db.transaction().execute((trx) => insertAudited(trx, ctx, row));
    },

    async update(ctx: RequestContext, id: string, input: UpdateDelegationBody) {
      assertCan(ctx.actor, "delegations.edit");
      const before = await mustFind(db, id);
      if (!(await canEditRow(ctx.actor, before))) throw delegationErrors.notFound({ meta: { id } });
      const countryCode = input.countryCode ?? before.country_code;
      const startDate = input.startDate ?? before.start_date;
      const endDate = input.endDate ?? before.end_date;
      await validate({
        countryCode,
        startDate,
        endDate,
        unitId: input.informationPlan?.responsibleUnitId,
        personIds: personIdsOf(input),
      });
      const title = input.title ?? before.title;
      const partner = input.partner !== undefined ? input.partner : before.partner;
      const changes: Partial<DelegationTable> = {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.channel !== undefined && { channel: input.channel }),
        ...(input.direction !== undefined && { direction: input.direction }),
        ...(input.countryCode !== undefined && { country_code: input.countryCode }),
        ...(input.partner !== undefined && { partner: input.partner }),
        ...(input.level !== undefined && { level: input.level }),
        ...(input.head !== undefined && { head_json: JSON.stringify(input.head) }),
        ...(input.members !== undefined && { members_json: JSON.stringify(input.members) }),
        ...(input.startDate !== undefined && { start_date: input.startDate }),
        ...(input.endDate !== undefined && { end_date: input.endDate }),
        ...(input.itinerary !== undefined && { itinerary_json: JSON.stringify(input.itinerary) }),
        ...(input.informationPlan !== undefined && {
          info_plan_json: planJson(input.informationPlan),
          responsible_unit_id: input.informationPlan.responsibleUnitId ?? null,
        }),
        ...(input.authorisation !== undefined && {
          auth_number: input.authorisation?.number ?? null,
          auth_date: input.authorisation?.date ?? null,
          auth_issuer: input.authorisation?.issuer ?? null,
        }),
        ...(input.agreements !== undefined && { agreements_json: JSON.stringify(input.agreements) }),
        folded_text: foldDelegationText(title, partner, countryCode),
        updated_at: nowIso(),
      };
      return db.transaction().execute(async (trx) => {
        await delegations.update(trx, id, changes);
        const after = await mustFind(trx, id);
        await audit.record(trx, ctx, {
          entityType: "delegation",
          entityId: id,
          action: "update",
          before: delegationSnapshot(before),
          after: delegationSnapshot(after),
        });
        if (input.agreements !== undefined && after.status === "done")
          await handOffAgreements(trx, ctx, after);
        return after;
      });
    },

    /** Moves the delegation along its allowed statuses; when done, its agreements go to the partners register. */
    async changeStatus(ctx: RequestContext, id: string, status: DelegationStatus) {
      assertCan(ctx.actor, "delegations.edit");
      const before = await mustFind(db, id);
      if (!(await canEditRow(ctx.actor, before))) throw delegationErrors.notFound({ meta: { id } });
      const from = before.status as DelegationStatus;
      if (!(DELEGATION_TRANSITIONS[from] ?? []).includes(status))
        throw delegationErrors.statusNotAllowed({ meta: { from, to: status } });
      return db.transaction().execute(async (trx) => {
        await delegations.update(trx, id, { status, updated_at: nowIso() });
        const after = await mustFind(trx, id);
        await audit.record(trx, ctx, {
          entityType: "delegation",
          entityId: id,
          action: "update",
          before: { status: from },
          after: { status },
        });
        if (status === "done") await handOffAgreements(trx, ctx, after);
        return after;
      });
    },

    async remove(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "delegations.manage");
      const before = await mustFind(db, id);
      await db.transaction().execute(async (trx) => {
        await delegations.delete(trx, id);
        await audit.record(trx, ctx, {
          entityType: "delegation",
          entityId: id,
          action: "delete",
          before: delegationSnapshot(before),
        });
      });
    },

    /**
     * Coverage: confirmed and rejected items, and the proposals — monitoring items published within the
     * delegation's dates (± 3 days) that mention its partner country or locality.
     */
    async coverage(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "delegations.read");
      const row = await mustFind(db, id);
      const [decided, proposed] = await Promise.all([
        coverage.decided(db, id),
        delegations.proposals(
          db,
          id,
          {
            from: shiftDay(row.start_date, -COVERAGE_MARGIN_DAYS),
            to: shiftDay(row.end_date, COVERAGE_MARGIN_DAYS),
          },
          coverageTerms(row),
        ),
      ]);
      return coverageOf(decided, proposed);
    },

    async decideCoverage(
      ctx: RequestContext,
      id: string,
      input: { itemId: string; decision: "confirmed" | "rejected" },
    ) {
      const actor = assertCan(ctx.actor, "delegations.manage");
      await mustFind(db, id);
      await decideCoverage({ db, audit, coverage }, ctx, actor, { entityType: "delegation", id }, input, () =>
        delegationErrors.itemNotFound({ meta: { itemId: input.itemId } }),
      );
    },
  };
}

export type DelegationsService = ReturnType<typeof createDelegationsService>;
