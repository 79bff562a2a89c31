/**
 * `haidang report generate`: drafts the semi-annual or annual report of a programme from the same
 * database as the server and writes the .docx (and optionally the .xlsx annex).
 */
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { Option } from "commander";
import { createFollowUpRepository } from "../modules/follow-up/follow-up.repository.js";
import { defineError } from "../platform/errors.js";
import { withServices } from "./with-services.js";

const programmeNotFound = defineError({
  code: "programme_not_found",
  status: 404,
  vi: "Không tìm thấy chương trình đang hiệu lực có số này",
  en: "No active programme with this number",
});

interface GenerateOptions {
  programme: string;
  kind: "semiannual" | "annual";
  year: string;
  out: string;
  annex?: string;
  format: "party" | "state";
}

export function registerReportCommand(program: Command) {
  const report = program.command("report").description("báo cáo / reports");
  report
    .command("generate")
    .description("lập báo cáo sơ kết 6 tháng hoặc tổng kết năm / draft a semi-annual or annual report")
    .requiredOption("--programme <number>", 'số chương trình / programme number, e.g. "02-CTr/BCĐ"')
    .addOption(
      new Option("--kind <kind>", "loại báo cáo / kind")
        .choices(["semiannual", "annual"])
        .makeOptionMandatory(),
    )
    .requiredOption("--year <year>", "năm / year")
    .requiredOption("--out <file>", "tệp .docx / output .docx")
    .option("--annex <file>", "tệp phụ lục .xlsx / annex .xlsx")
    .addOption(
      new Option("--format <format>", "thể thức / format").choices(["party", "state"]).default("party"),
    )
    .action(async (opts: GenerateOptions) => {
      const year = Number(opts.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        throw new Error(`invalid --year: ${opts.year}`);
      await withServices(async (services) => {
        const found = await createFollowUpRepository().findActiveProgrammeByNumber(
          services.db,
          opts.programme.normalize("NFC"),
        );
        if (!found) throw programmeNotFound({ meta: { number: opts.programme } });
        const draft = await services.reports.draft(found.id, { kind: opts.kind, year, format: opts.format });
        // The same rendering as the server's export: the annex carries the monitoring sheet too.
        await writeFile(opts.out, (await services.reports.render(draft.model, [], "docx")).bytes);
        console.log(`Đã ghi / written: ${opts.out}`);
        if (opts.annex) {
          await writeFile(
            opts.annex,
            (await services.reports.render(draft.model, draft.annex, "xlsx")).bytes,
          );
          console.log(`Đã ghi / written: ${opts.annex}`);
        }
      });
    });
}
