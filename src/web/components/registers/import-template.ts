/** Downloading a register's blank import workbook (the templates: src/shared/registers/import-templates.ts). */
import { type ImportTemplate, templateWorkbook } from "../../../shared/registers/import-templates";

export type { ImportTemplate };

/** Builds the template and hands it to the browser as a download. */
export async function downloadTemplate(template: ImportTemplate): Promise<void> {
  const bytes = await templateWorkbook(template);
  const blob = new Blob([bytes], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = template.filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
