/**
 * Foreign press visits (đoàn phóng viên nước ngoài): groups, reporters, approval, programme; the articles
 * their outlets published about the city after the visit, proposed from monitoring and confirmed; totals
 * for any period. Reporters are personal data (Luật Bảo vệ dữ liệu cá nhân 2025; Nghị định 13/2023/NĐ-CP):
 * only names, roles, outlets and countries are kept; names are shown to `press.personal.read` only and
 * every such read is journaled; after the retention period the names and roles are erased.
 */
import type { RequestContext } from "../../platform/context.js";
import { systemContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertNoProblems, readSheetRows } from "../../platform/import-rows/import-rows.js";
import { assertCan, can } from "../../platform/policy/policy.js";
import { isKnownCountry } from "../../shared/api/countries.js";
import type {
  CreatePressVisitBody,
  PressVisitListQuery,
  ReporterInput,
  UpdatePressVisitBody,
} from "../../shared/api/press-visits.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { AuditService } from "../audit/audit.service.js";
import { todayInHoChiMinh } from "../follow-up/calendar/calendar.clock.js";
import { coverageOf, decideCoverage } from "../registers/register-coverage.js";
import { createCoverageRepository } from "../registers/register-coverage.repository.js";
import { pressVisitErrors } from "./press-visits.errors.js";
import { ImportedReporterRow, PRESS_VISIT_IMPORT_COLUMNS, visitsOfRows } from "./press-visits.import.js";
import { groupByVisit, presentPressVisit, pressVisitSnapshot } from "./press-visits.presenter.js";
import type { PressVisitFilter, PressVisitsRepository } from "./press-visits.repository.js";
import type { PressReporterTable, PressVisitTable } from "./press-visits.tables.js";

export interface PressVisitsPolicy {
  /** Days after a visit's end before its reporters' names are erased. */
  retentionDays: number;
  /** Days after a visit's end within which its outlets' articles about the city are proposed. */
  coverageWindowDays: number;
}

const shiftDay = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const foldVisitText = (groupName: string, reporters: readonly Pick<ReporterInput, "outlet">[]) =>
  foldVietnamese(`${groupName} ${reporters.map((r) => r.outlet).join(" ")}`);

const coverage = createCoverageRepository({ table: "press_visit_coverage", entryColumn: "visit_id" });

export function createPressVisitsService(deps: {
  db: Db;
  pressVisits: PressVisitsRepository;
  audit: AuditService;
  policy: PressVisitsPolicy;
}) {
  const { db, pressVisits, audit, policy } = deps;

  async function mustFind(trx: DbOrTrx, id: string): Promise<PressVisitTable> {
    const row = await pressVisits.find(trx, id);
    if (!row) throw pressVisitErrors.notFound({ meta: { id } });
    return row;
  }

  function assertDates(startDate: string, endDate: string) {
    if (endDate < startDate) throw pressVisitErrors.endBeforeStart({ meta: { startDate, endDate } });
  }

  /**
   * Validated reporter rows; an outlet without a source is linked to the monitoring source of the same
   * name (accent-insensitive) when there is one.
   */
  async function reporterRows(trx: DbOrTrx, visitId: string, reporters: readonly ReporterInput[]) {
    const unknown = reporters.filter((r) => !isKnownCountry(r.countryCode)).map((r) => r.countryCode);
    if (unknown.length > 0) throw pressVisitErrors.unknownCountry({ meta: { countryCodes: unknown } });
    const given = reporters.map((r) => r.sourceId).filter((id): id is string => typeof id === "string");
    const missing = await pressVisits.missingSources(trx, [...new Set(given)]);
    if (missing.length > 0) throw pressVisitErrors.sourceNotFound({ meta: { sourceIds: missing } });
    const byName = new Map((await pressVisits.sources(trx)).map((s) => [foldVietnamese(s.name), s.id]));
    return reporters.map(
      (r, position): PressReporterTable => ({
        id: newId(),
        visit_id: visitId,
        position,
        name: r.name,
        role: r.role ?? null,
        outlet: r.outlet,
        source_id: r.sourceId ?? byName.get(foldVietnamese(r.outlet)) ?? null,
        country_code: r.countryCode,
      }),
    );
  }

  /** Builds and checks a new visit and its reporters (shared with the XLSX import). */
  async function rowsOf(ctx: RequestContext, trx: DbOrTrx, input: CreatePressVisitBody) {
    assertDates(input.startDate, input.endDate);
    const now = nowIso();
    const row: PressVisitTable = {
      id: newId(),
      group_name: input.groupName,
      folded_text: foldVisitText(input.groupName, input.reporters),
      start_date: input.startDate,
      end_date: input.endDate,
      approval_number: input.approval?.number ?? null,
      approval_date: input.approval?.date ?? null,
      approval_authority: input.approval?.authority ?? null,
      programme_json: JSON.stringify(input.programme),
      escorts_json: JSON.stringify(input.escorts),
      topics_json: JSON.stringify(input.topics),
      materials_json: JSON.stringify(input.materials),
      personal_erased_at: null,
      created_by: ctx.actor?.userId ?? null,
      created_at: now,
      updated_at: now,
    };
    return { row, reporters: await reporterRows(trx, row.id, input.reporters) };
  }

  async function insertAudited(
    trx: DbOrTrx,
    ctx: RequestContext,
    rows: { row: PressVisitTable; reporters: PressReporterTable[] },
  ) {
    await pressVisits.insert(trx, rows.row);
    await pressVisits.replaceReporters(trx, rows.row.id, rows.reporters);
    await audit.record(trx, ctx, {
      entityType: "press_visit",
      entityId: rows.row.id,
      action: "create",
      after: pressVisitSnapshot(rows.row, rows.reporters),
    });
    return rows.row;
  }

  /** The visit as the caller may see it; a read that shows names is journaled. */
  async function view(ctx: RequestContext, id: string) {
    const row = await mustFind(db, id);
    const reporters = await pressVisits.reporters(db, id);
    const showsPersonalData =
      can(ctx.actor, "press.personal.read") && row.personal_erased_at === null && reporters.length > 0;
    if (showsPersonalData) {
      await audit.record(db, ctx, {
        entityType: "press_visit",
        entityId: id,
        action: "read_personal",
        after: { reporters: reporters.length },
      });
    }
    return presentPressVisit(row, reporters, { showsPersonalData, retentionDays: policy.retentionDays });
  }

  /** Visits with their reporters' outlets and countries and their confirmed article counts. */
  async function withFacts(rows: PressVisitTable[]) {
    const ids = rows.map((r) => r.id);
    const [facts, articles] = await Promise.all([
      pressVisits.reporterFacts(db, ids),
      pressVisits.confirmedCounts(db, ids),
    ]);
    const byVisit = groupByVisit(facts);
    return rows.map((row) => ({
      row,
      reporters: byVisit.get(row.id) ?? [],
      articles: articles.get(row.id) ?? 0,
    }));
  }

  async function erase(ctx: RequestContext, row: PressVisitTable, reason: "retention" | "request") {
    const reporters = await pressVisits.reporters(db, row.id);
    await db.transaction().execute(async (trx) => {
      await pressVisits.erasePersonal(trx, row.id, nowIso());
      await audit.record(trx, ctx, {
        entityType: "press_visit",
        entityId: row.id,
        action: "erase_personal",
        before: { reporters: reporters.length, personalData: "kept" },
        after: { reporters: reporters.length, personalData: "erased", reason },
      });
    });
  }

  return {
    rowsOf,
    insertAudited,

    /**
     * Imports visits from the first sheet of a workbook (a row per reporter): every row is checked first;
     * with any bad row nothing is written and the answer (400 `import_rows_invalid`) lists each by row.
     */
    async importWorkbook(ctx: RequestContext, upload: { contentBase64: string }) {
      assertCan(ctx.actor, "press.manage");
      const report = await readSheetRows(
        Buffer.from(upload.contentBase64, "base64"),
        PRESS_VISIT_IMPORT_COLUMNS,
        ImportedReporterRow,
      );
      const visits = visitsOfRows(assertNoProblems(report));
      await db.transaction().execute(async (trx) => {
        for (const input of visits) await insertAudited(trx, ctx, await rowsOf(ctx, trx, input));
      });
      return { imported: visits.length };
    },

    async list(ctx: RequestContext, query: PressVisitListQuery) {
      assertCan(ctx.actor, "press.read");
      const { rows, total } = await pressVisits.list(db, query, {
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { rows: await withFacts(rows), total };
    },

    async all(ctx: RequestContext, filter: PressVisitFilter) {
      assertCan(ctx.actor, "press.read");
      return withFacts(await pressVisits.all(db, filter));
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "press.read");
      return view(ctx, id);
    },

    async create(ctx: RequestContext, input: CreatePressVisitBody) {
      assertCan(ctx.actor, "press.manage");
      const created = await db.transaction().execute(async (trx) => {
        const rows = await rowsOf(ctx, trx, input);
        return insertAudited(trx, ctx, rows);
      });
      return view(ctx, created.id);
    },

    async update(ctx: RequestContext, id: string, input: UpdatePressVisitBody) {
      assertCan(ctx.actor, "press.manage");
      const before = await mustFind(db, id);
      if (input.reporters !== undefined && before.personal_erased_at !== null)
        throw pressVisitErrors.personalDataErased();
      assertDates(input.startDate ?? before.start_date, input.endDate ?? before.end_date);
      const reportersBefore = await pressVisits.reporters(db, id);
      await db.transaction().execute(async (trx) => {
        const reporters = input.reporters !== undefined ? await reporterRows(trx, id, input.reporters) : null;
        const outlets = (reporters ?? reportersBefore).map((r) => ({ outlet: r.outlet }));
        await pressVisits.update(trx, id, {
          ...(input.groupName !== undefined && { group_name: input.groupName }),
          ...(input.startDate !== undefined && { start_date: input.startDate }),
          ...(input.endDate !== undefined && { end_date: input.endDate }),
          ...(input.approval !== undefined && {
            approval_number: input.approval?.number ?? null,
            approval_date: input.approval?.date ?? null,
            approval_authority: input.approval?.authority ?? null,
          }),
          ...(input.programme !== undefined && { programme_json: JSON.stringify(input.programme) }),
          ...(input.escorts !== undefined && { escorts_json: JSON.stringify(input.escorts) }),
          ...(input.topics !== undefined && { topics_json: JSON.stringify(input.topics) }),
          ...(input.materials !== undefined && { materials_json: JSON.stringify(input.materials) }),
          folded_text: foldVisitText(input.groupName ?? before.group_name, outlets),
          updated_at: nowIso(),
        });
        if (reporters) await pressVisits.replaceReporters(trx, id, reporters);
        const after = await mustFind(trx, id);
        await audit.record(trx, ctx, {
          entityType: "press_visit",
          entityId: id,
          action: "update",
          before: pressVisitSnapshot(before, reportersBefore),
          after: pressVisitSnapshot(after, reporters ?? reportersBefore),
        });
      });
      return view(ctx, id);
    },

    async remove(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "press.manage");
      const before = await mustFind(db, id);
      const reporters = await pressVisits.reporters(db, id);
      await db.transaction().execute(async (trx) => {
        await pressVisits.delete(trx, id);
        await audit.record(trx, ctx, {
          entityType: "press_visit",
          entityId: id,
          action: "delete",
          before: pressVisitSnapshot(before, reporters),
        });
      });
    },

    /** An administrator erases a visit's personal data at once. */
    async erasePersonalData(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "press.personal.erase");
      const row = await mustFind(db, id);
      if (row.personal_erased_at === null) await erase(ctx, row, "request");
      return view(ctx, id);
    },

    /**
     * The retention job: erases the personal data of every visit that ended more than `retentionDays`
     * ago (default 730). Returns how many visits were erased.
     */
    async eraseExpired(today: string = todayInHoChiMinh()): Promise<number> {
      // Kept through the day `end + retentionDays`, erased from the next.
      const lastEnd = shiftDay(today, -policy.retentionDays - 1);
      const due = await pressVisits.dueForErasure(db, lastEnd);
      const ctx = systemContext();
      for (const row of due) await erase(ctx, row, "retention");
      return due.length;
    },

    /** Confirmed, rejected and proposed articles: items of the visit's outlets about the city after the visit. */
    async coverage(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "press.read");
      const row = await mustFind(db, id);
      const reporters = await pressVisits.reporterFacts(db, [id]);
      const sourceIds = [
        ...new Set(reporters.map((r) => r.source_id).filter((s): s is string => s !== null)),
      ];
      const [decided, proposed] = await Promise.all([
        coverage.decided(db, id),
        pressVisits.proposals(db, id, sourceIds, {
          from: row.start_date,
          to: shiftDay(row.end_date, policy.coverageWindowDays),
        }),
      ]);
      return coverageOf(decided, proposed);
    },

    async decideCoverage(
      ctx: RequestContext,
      id: string,
      input: { itemId: string; decision: "confirmed" | "rejected" },
    ) {
      const actor = assertCan(ctx.actor, "press.manage");
      await mustFind(db, id);
      await decideCoverage(
        { db, audit, coverage },
        ctx,
        actor,
        { entityType: "press_visit", id },
        input,
        () => pressVisitErrors.itemNotFound({ meta: { itemId: input.itemId } }),
      );
    },

    /** Totals of the visits that started in [from, to]. */
    async totals(ctx: RequestContext, period: { from: string; to: string }) {
      assertCan(ctx.actor, "press.read");
      if (period.to < period.from) throw pressVisitErrors.rangeInvalid();
      return { ...period, ...(await pressVisits.periodFacts(db, period.from, period.to)) };
    },
  };
}

export type PressVisitsService = ReturnType<typeof createPressVisitsService>;

/** Name of the daily job that erases reporters' personal data after the retention period. */
export const PRESS_RETENTION_JOB = "press.retention";
