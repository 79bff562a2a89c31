/**
 * Report drafts (sơ kết 6 tháng, tổng kết năm) and urging notices (công văn đôn đốc): drafted from the
 * programme's follow-up data, stored as an editable `ReportModel`, exported to .docx, .xlsx or PDF.
 */
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { AuditService } from "../audit/audit.service.js";
import { todayInHoChiMinh } from "../follow-up/calendar/calendar.clock.js";
import type { CheckInsRepository } from "../follow-up/check-ins.repository.js";
import { clampDate, type FollowUpData, type ProgrammeFollowUp } from "../follow-up/follow-up.data.js";
import type { FollowUpRepository } from "../follow-up/follow-up.repository.js";
import type { ReportTable } from "../follow-up/follow-up.tables.js";
import type { MonitoringReportFigures } from "../monitoring/stats/report-figures.js";
import type { ReportRegisters } from "../registers/registers.service.js";
import type { AnnexTaskRow } from "./docx/annex.xlsx.js";
import { convertDocxToPdf } from "./docx/convert-pdf.js";
import { formatDocumentNumber, formatShortDate } from "./docx/docx.text.js";
import type { ReportModel, UrgingItem } from "./docx/report.model.js";
import { createExportCache, type ExportCache } from "./export-cache.js";
import {
  buildAnnexRows,
  buildReportModel,
  type ConfirmedCheckIn,
  confirmedAfterCutoff,
  defaultCutoffs,
  taskTitle,
} from "./report-builder.js";
import { reportDraftErrors } from "./reports.errors.js";
import type { ReportListFilter, ReportsRepository } from "./reports.repository.js";
import type { CreateReportInput } from "./reports.schemas.js";

export interface ExportedFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

/** Word and Excel builders, loaded with the first export (see docx/documents.ts). */
const documents = () => import("./docx/documents.js");

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function createReportsService(deps: {
  db: Db;
  reports: ReportsRepository;
  data: FollowUpData;
  followUp: FollowUpRepository;
  checkIns: CheckInsRepository;
  audit: AuditService;
  sofficePath?: string;
  /** Media-monitoring figures of a period (the monitoring module's `reportFigures.forPeriod`). */
  monitoringFigures?: (from: string, to: string) => Promise<MonitoringReportFigures>;
  /** The registers' figures of a period and the entries attached to the given tasks (the registers core). */
  registerFigures?: (
    period: { from: string; to: string },
    taskIds: readonly string[],
    options?: { figures?: boolean },
  ) => Promise<ReportRegisters>;
  /** Rendered files by content (default: 64 MB in this process). */
  exportCache?: ExportCache;
}) {
  const { db, reports, data, checkIns, audit } = deps;
  const exports = deps.exportCache ?? createExportCache();

  async function confirmed(d: ProgrammeFollowUp): Promise<ConfirmedCheckIn[]> {
    const rows = await data.confirmedCheckIns(d);
    const evidence = await checkIns.evidenceOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      taskId: r.task_id,
      role: r.role,
      partyName: r.party_name,
      doneText: r.done_text,
      difficulties: r.difficulties,
      proposals: r.proposals,
      submittedAt: r.submitted_at ?? r.confirmed_at ?? "",
      confirmedAt: r.confirmed_at ?? r.submitted_at ?? "",
      period: r.period,
      evidence: evidence
        .filter((e) => e.check_in_id === r.id)
        .map((e) =>
          e.kind === "file"
            ? `Tệp minh chứng: ${e.original_name ?? e.title}`
            : `${e.title}${e.count !== null ? `: ${e.count}` : ""}${e.url ? ` (${e.url})` : ""}`,
        ),
    }));
  }

  /**
   * What a period's report is drafted from: the programme in force at the cut-off, its task statuses,
   * the confirmed check-ins, and the monitoring and register figures of the period. `figures`: monitoring
   * figures already stored with a draft (export uses them so the annex matches the document); undefined
   * fetches the current ones.
   */
  async function periodData(
    current: ProgrammeFollowUp,
    input: CreateReportInput,
    figures?: MonitoringReportFigures | null,
    options: { registerFigures?: boolean } = {},
  ) {
    const defaults = defaultCutoffs(input.kind, input.year);
    const cutoffFrom = input.cutoffFrom ?? defaults.from;
    const cutoffTo = input.cutoffTo ?? defaults.to;
    if (cutoffFrom > cutoffTo) throw reportDraftErrors.invalidCutoff();
    const asOf = clampDate(cutoffTo, current.period);
    // A period that ended before a new version applied is reported with the version then in force.
    const d = await data.inForce(current, asOf);
    const results = data.statuses(d, asOf);
    const list = await confirmed(d);
    const monitoring =
      figures !== undefined ? figures : ((await deps.monitoringFigures?.(cutoffFrom, cutoffTo)) ?? null);
    const registers =
      (await deps.registerFigures?.(
        { from: cutoffFrom, to: cutoffTo },
        d.tasks.map((t) => t.id),
        { figures: options.registerFigures !== false },
      )) ?? null;
    return { d, results, list, monitoring, registers, asOf, cutoffFrom, cutoffTo };
  }

  /** The draft and its annex rows. */
  async function draftModel(
    current: ProgrammeFollowUp,
    input: CreateReportInput,
    figures?: MonitoringReportFigures | null,
  ) {
    const { d, results, list, monitoring, registers, asOf, cutoffFrom, cutoffTo } = await periodData(
      current,
      input,
      figures,
    );
    const model = buildReportModel(
      d,
      results,
      asOf,
      list,
      {
        kind: input.kind,
        year: input.year,
        format: input.format,
        cutoffFrom,
        cutoffTo,
        number: input.number,
        date: input.date,
      },
      monitoring,
      registers,
    );
    return { model, cutoffFrom, cutoffTo, annex: buildAnnexRows(d, results, list, monitoring, registers) };
  }

  /** The draft's row with the results of its period confirmed after its cut-off (see `confirmedAfterCutoff`). */
  async function withAfterCutoff(row: ReportTable) {
    const d = await data.load(row.programme_id);
    const list = await confirmed(d);
    return {
      ...row,
      afterCutoff: confirmedAfterCutoff(d, list, { kind: row.kind, year: row.year, cutoffTo: row.cutoff_to }),
    };
  }

  async function find(id: string): Promise<ReportTable> {
    const row = await reports.find(db, id);
    if (!row) throw reportDraftErrors.reportNotFound();
    return row;
  }

  const baseName = (m: ReportModel) =>
    `bao-cao-${m.kind === "semiannual" ? "so-ket-6-thang" : "tong-ket-nam"}-${m.period.year}`;

  /** A report's Word document (or its PDF), or its Excel annex of every task. */
  async function render(
    model: ReportModel,
    annex: AnnexTaskRow[],
    format: "docx" | "xlsx" | "pdf",
  ): Promise<ExportedFile> {
    const name = baseName(model);
    const { buildReportDocx, buildTaskAnnexXlsx } = await documents();
    if (format === "xlsx") {
      const bytes = await buildTaskAnnexXlsx({
        titleLines: [
          "PHỤ LỤC",
          `KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH SỐ ${model.programme.number} – ${model.period.label.toUpperCase()}`,
          `(Kèm theo Báo cáo ${formatDocumentNumber(model.format, model.number)})`,
        ],
        tasks: annex,
        monitoring: model.monitoring?.figures ?? null,
        registerSheets: model.registers?.sheets ?? [],
      });
      return { bytes, contentType: XLSX, filename: `phu-luc-${name}.xlsx` };
    }
    const docx = await buildReportDocx(model);
    if (format === "docx") return { bytes: docx, contentType: DOCX, filename: `${name}.docx` };
    const pdf = await convertDocxToPdf(docx, deps.sofficePath ? { sofficePath: deps.sofficePath } : {});
    return { bytes: pdf, contentType: "application/pdf", filename: `${name}.pdf` };
  }

  return {
    /** Builds the draft without storing it (CLI, previews). */
    async draft(programmeId: string, input: CreateReportInput) {
      return draftModel(await data.load(programmeId), input);
    },

    async create(ctx: RequestContext, programmeId: string, input: CreateReportInput) {
      const actor = assertCan(ctx.actor, "reports.manage");
      const d = await data.load(programmeId);
      const { model, cutoffFrom, cutoffTo } = await draftModel(d, input);
      const now = nowIso();
      const row: ReportTable = {
        id: newId(),
        programme_id: programmeId,
        kind: input.kind,
        year: input.year,
        format: input.format,
        cutoff_from: cutoffFrom,
        cutoff_to: cutoffTo,
        status: "draft",
        model_json: JSON.stringify(model),
        created_at: now,
        created_by: actor.userId,
        updated_at: now,
        updated_by: actor.userId,
      };
      await db.transaction().execute(async (trx) => {
        await reports.insert(trx, row);
        await audit.record(trx, ctx, {
          entityType: "report",
          entityId: row.id,
          action: "create",
          after: {
            programmeId,
            kind: input.kind,
            year: input.year,
            format: input.format,
            cutoffFrom,
            cutoffTo,
          },
        });
      });
      return withAfterCutoff(row);
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "reports.read");
      return withAfterCutoff(await find(id));
    },

    async list(ctx: RequestContext, programmeId: string) {
      assertCan(ctx.actor, "reports.read");
      return reports.listForProgramme(db, programmeId);
    },

    /** Drafts of every programme, newest change first unless sorted otherwise; one page and the total. */
    async listAll(
      ctx: RequestContext,
      filter: ReportListFilter,
      page: { limit: number; offset: number },
      sort: { field: "year" | "createdAt" | "updatedAt"; direction: "asc" | "desc" },
    ) {
      assertCan(ctx.actor, "reports.read");
      return reports.listAll(db, filter, page, sort);
    },

    async update(ctx: RequestContext, id: string, model: ReportModel) {
      const actor = assertCan(ctx.actor, "reports.manage");
      return db
        .transaction()
        .execute(async (trx) => {
          const before = await reports.find(trx, id);
          if (!before) throw reportDraftErrors.reportNotFound();
          const patch = {
            model_json: JSON.stringify(model),
            format: model.format,
            updated_at: nowIso(),
            updated_by: actor.userId,
          };
          await reports.update(trx, id, patch);
          await audit.record(trx, ctx, {
            entityType: "report",
            entityId: id,
            action: "update",
            before: JSON.parse(before.model_json) as object,
            after: model,
          });
          return { ...before, ...patch };
        })
        .then(withAfterCutoff);
    },

    /**
     * A report's Word file (or PDF) from its stored text, or its Excel annex with the tasks' current rows.
     * Rendered once per content (see export-cache.ts): downloading an unchanged report again costs a
     * lookup, and any change to the text or the annex rows renders anew.
     */
    async export(ctx: RequestContext, id: string, format: "docx" | "xlsx" | "pdf"): Promise<ExportedFile> {
      assertCan(ctx.actor, "reports.read");
      const row = await find(id);
      const model = () => JSON.parse(row.model_json) as ReportModel;
      if (format !== "xlsx") return exports.get([format, row.model_json], () => render(model(), [], format));
      const stored = model();
      const p = await periodData(
        await data.load(row.programme_id),
        {
          kind: row.kind,
          year: row.year,
          format: row.format,
          cutoffFrom: row.cutoff_from,
          cutoffTo: row.cutoff_to,
        },
        stored.monitoring === undefined ? undefined : (stored.monitoring?.figures ?? null),
        // The register sheets are the stored draft's: only the entries attached to each task are read anew.
        { registerFigures: false },
      );
      const annex = buildAnnexRows(p.d, p.results, p.list, p.monitoring, p.registers);
      return exports.get([format, row.model_json, JSON.stringify(annex)], () =>
        render(stored, annex, "xlsx"),
      );
    },

    render,

    /** A notice urging the leads of the selected tasks (công văn đôn đốc) as .docx. */
    async urgingNotice(
      ctx: RequestContext,
      programmeId: string,
      input: { taskIds: string[]; number?: number | undefined; date?: string | undefined },
    ) {
      assertCan(ctx.actor, "reports.manage");
      const d = await data.load(programmeId);
      const date = input.date ?? todayInHoChiMinh();
      const asOf = clampDate(date, d.period);
      const results = data.statuses(d, asOf);
      const wanted = new Set(input.taskIds);
      const items: UrgingItem[] = [];
      d.tasks.forEach((t, i) => {
        const r = results[i];
        if (!wanted.has(t.id) || !r) return;
        items.push({
          ref: t.ref,
          text: taskTitle(t.text),
          leads: t.leads,
          due: r.kind === "dated" ? r.due : asOf,
          daysOverdue: r.kind === "dated" ? r.daysOverdue : 0,
        });
      });
      if (items.length === 0) throw reportDraftErrors.noTasksSelected();
      items.sort(
        (a, b) => b.daysOverdue - a.daysOverdue || a.ref.localeCompare(b.ref, "vi", { numeric: true }),
      );
      const p = d.programme;
      const number = p.number ?? "";
      const { buildUrgingNoticeDocx } = await documents();
      const bytes = await buildUrgingNoticeDocx({
        format: p.system === "state" ? "state" : "party",
        issuer: { parent: p.parent_issuer, lines: p.issuer ? [p.issuer] : ["Ban Chỉ đạo"] },
        number: {
          seq: input.number ?? "",
          typeCode: "CV",
          issuerCode: number.includes("/") ? (number.split("/").pop() ?? "BCĐ") : "BCĐ",
        },
        place: p.place ?? "Hải Phòng",
        date,
        subject: `V/v đôn đốc thực hiện các nhiệm vụ\ntrong Chương trình số ${number}`,
        addressees: ["Các đồng chí thành viên Ban Chỉ đạo được phân công chủ trì"],
        asOf,
        intro: [
          `Theo dõi việc thực hiện Chương trình số ${number}${p.issued_on ? `, ngày ${formatShortDate(p.issued_on)}` : ""} của ${p.issuer ?? "Ban Chỉ đạo"}, đến ngày ${formatShortDate(asOf)} còn một số nhiệm vụ chưa hoàn thành, cụ thể như sau:`,
        ],
        items,
        closing: [
          "Ban Chỉ đạo đề nghị các đồng chí khẩn trương chỉ đạo hoàn thành các nhiệm vụ nêu trên, báo cáo kết quả (kèm sản phẩm, minh chứng) qua hệ thống Hải Đăng; trường hợp chưa hoàn thành, nêu rõ nguyên nhân và đề xuất thời hạn hoàn thành.",
        ],
        recipients: [{ name: "Như trên" }, { name: "Lưu Tổ Giúp việc" }],
        signature: { onBehalfOf: "Ban Chỉ đạo", titleLines: ["TRƯỞNG BAN"], name: "" },
      });
      await db.transaction().execute((trx) =>
        audit.record(trx, ctx, {
          entityType: "urging_notice",
          entityId: programmeId,
          action: "create",
          after: { taskIds: input.taskIds, date },
        }),
      );
      return { bytes, contentType: DOCX, filename: `cong-van-don-doc-${date}.docx` };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
