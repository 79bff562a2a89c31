import { Packer, type Paragraph, type Table } from "docx";
import type { TaskStatusResult } from "../../follow-up/status/status.types.js";
import {
  bodyParagraph,
  closingBlock,
  dataTable,
  documentHeader,
  line,
  officialDocument,
  run,
} from "./docx.layout.js";
import { formatShortDate } from "./docx.text.js";
import type { UrgingItem, UrgingNoticeModel } from "./report.model.js";

/**
 * Builds a notice urging the leads of overdue tasks (công văn đôn đốc) as a Word document: header with
 * "V/v …" under the number, "Kính gửi", opening paragraphs, a table of the tasks (task, lead, due
 * date, days overdue), closing paragraphs, "Nơi nhận" and signature.
 */
export async function buildUrgingNoticeDocx(model: UrgingNoticeModel): Promise<Buffer> {
  return Packer.toBuffer(officialDocument({ title: model.subject }, urgingNoticeBody(model)));
}

/** The notice's blocks, in order. */
export function urgingNoticeBody(model: UrgingNoticeModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    documentHeader(model, model.subject),
    line("", { size: 14, after: 120 }),
  ];
  if (model.addressees.length === 1) {
    out.push(line(`Kính gửi: ${model.addressees[0]}.`, { size: 14, after: 120 }));
  } else {
    out.push(line("Kính gửi:", { size: 14 }));
    model.addressees.forEach((a, i) => {
      out.push(
        line(`- ${a}${i === model.addressees.length - 1 ? "." : ";"}`, {
          size: 14,
          align: "left",
          indent: true,
        }),
      );
    });
    out.push(line("", { size: 6, after: 120 }));
  }
  for (const p of model.intro) out.push(bodyParagraph(p));
  out.push(
    bodyParagraph(
      [
        run(`Danh sách nhiệm vụ chưa hoàn thành, quá hạn (tính đến ngày ${formatShortDate(model.asOf)}):`, {
          italics: true,
        }),
      ],
      {
        keepNext: true,
      },
    ),
  );
  const rows = model.items.map((t, i) => [
    String(i + 1),
    `${t.ref}. ${t.text}`,
    t.leads.join(", "),
    formatShortDate(t.due),
    String(t.daysOverdue),
  ]);
  out.push(
    dataTable(["TT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Số ngày\nquá hạn"], rows, [10, 66, 36, 28, 25]),
  );
  out.push(line("", { size: 6, after: 120 }));
  for (const p of model.closing) out.push(bodyParagraph(p));
  out.push(bodyParagraph(""));
  out.push(closingBlock(model));
  return out;
}

/**
 * The overdue tasks among status results, oldest first, as urging items. `describe` supplies each
 * task's reference, text and leads (the engine knows only ids).
 */
export function overdueUrgingItems(
  results: readonly TaskStatusResult[],
  describe: (taskId: string) => { ref: string; text: string; leads: readonly string[] } | null,
): UrgingItem[] {
  const items: UrgingItem[] = [];
  for (const r of results) {
    if (r.kind !== "dated" || r.status !== "overdue") continue;
    const d = describe(r.taskId);
    if (d) items.push({ ...d, due: r.due, daysOverdue: r.daysOverdue });
  }
  return items.sort(
    (a, b) => b.daysOverdue - a.daysOverdue || a.ref.localeCompare(b.ref, "vi", { numeric: true }),
  );
}
