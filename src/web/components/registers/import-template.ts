/** Downloading a register's blank import workbook (the templates: src/shared/registers/import-templates.ts). */
import { type ImportTemplate, templateWorkbook } from "../../../shared/registers/import-templates";
import { saveBlob } from "../../api/client";

export type { ImportTemplate };

/** Builds the template and hands it to the browser as a download. */
export async function downloadTemplate(template: ImportTemplate): Promise<void> {
  const bytes = await templateWorkbook(template);
  saveBlob(
    new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    template.filename,
  );
}
