/**
 * The "Nhập từ Excel" templates the web app offers (src/shared/registers/import-templates.ts) against
 * the server's import of each register: every column the server reads has its header in the template, the
 * template has no header the server would ignore, and the guide's example row, written under the
 * template's header row, passes the server's own row checks. A renamed or added server column makes
 * this fail before a user downloads a template the import cannot read.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { BUDGET_IMPORT_COLUMNS, ImportedBudgetItem } from "../../src/modules/budget/budget.import.js";
import {
  DELEGATION_IMPORT_COLUMNS,
  ImportedDelegation,
} from "../../src/modules/delegations/delegations.import.js";
import {
  ImportedPlanItem,
  PLAN_IMPORT_COLUMNS,
} from "../../src/modules/events/communication-plans.import.js";
import {
  ImportedInstallation,
  INSTALLATION_IMPORT_COLUMNS,
} from "../../src/modules/installations/installations.import.js";
import { ImportedPartner, PARTNER_IMPORT_COLUMNS } from "../../src/modules/partners/partners.export.js";
import {
  ImportedReporterRow,
  PRESS_VISIT_IMPORT_COLUMNS,
} from "../../src/modules/press-visits/press-visits.import.js";
import { AWARD_IMPORT_COLUMNS, ImportedAwardEntry } from "../../src/modules/training/training.export.js";
import { type ImportColumn, readSheetRows } from "../../src/platform/import-rows/import-rows.js";
import {
  AWARD_IMPORT_TEMPLATE,
  BUDGET_IMPORT_TEMPLATE,
  DELEGATION_IMPORT_TEMPLATE,
  EVENT_PLAN_IMPORT_TEMPLATE,
  type ImportTemplate,
  INSTALLATION_IMPORT_TEMPLATE,
  PARTNER_IMPORT_TEMPLATE,
  PRESS_VISIT_IMPORT_TEMPLATE,
  templateWorkbook,
} from "../../src/shared/registers/import-templates.js";

const registers: [string, ImportTemplate, readonly ImportColumn[], z.ZodType][] = [
  ["delegations", DELEGATION_IMPORT_TEMPLATE, DELEGATION_IMPORT_COLUMNS, ImportedDelegation],
  ["press visits", PRESS_VISIT_IMPORT_TEMPLATE, PRESS_VISIT_IMPORT_COLUMNS, ImportedReporterRow],
  ["budget", BUDGET_IMPORT_TEMPLATE, BUDGET_IMPORT_COLUMNS, ImportedBudgetItem],
  ["installations", INSTALLATION_IMPORT_TEMPLATE, INSTALLATION_IMPORT_COLUMNS, ImportedInstallation],
  ["partners", PARTNER_IMPORT_TEMPLATE, PARTNER_IMPORT_COLUMNS, ImportedPartner],
  ["award entries", AWARD_IMPORT_TEMPLATE, AWARD_IMPORT_COLUMNS, ImportedAwardEntry],
  ["event plan", EVENT_PLAN_IMPORT_TEMPLATE, PLAN_IMPORT_COLUMNS, ImportedPlanItem],
];

describe.each(registers)("the %s import template", (_name, template, columns, schema) => {
  it("names every column the server reads, and only those, required ones marked", () => {
    expect(template.columns.map((c) => c.header)).toEqual(columns.map((c) => c.header));
    expect(template.columns.filter((c) => c.required).map((c) => c.header)).toEqual(
      columns.filter((c) => c.required).map((c) => c.header),
    );
  });

  it("is a workbook whose header row and example row the server's import accepts", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await templateWorkbook(template));
    const [input, guide] = wb.worksheets;
    expect(input?.actualRowCount).toBe(1); // nothing but the header: no sample row to import by mistake
    expect(guide?.name).toBe("Hướng dẫn");
    input?.addRow(template.columns.map((c) => (c.example === "" ? null : c.example)));
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const report = await readSheetRows(bytes, columns, schema);
    expect(report.problems).toEqual([]);
    expect(report.rows.map((r) => r.row)).toEqual([2]);
  });
});
