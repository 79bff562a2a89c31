/**
 * Task attribute lines under a task: "Chỉ đạo thực hiện:", "Tổ chức thực hiện:", "Cơ quan chủ trì:",
 * "Cơ quan phối hợp:", "Thời gian:", "Sản phẩm:". Also used for the columns of task tables.
 */
import type { ParseWarning, Party } from "./parsed-programme.types.js";
import { parseParties, parseRoleSegments } from "./parties.parser.js";

export type TaskField = "directing" | "leads" | "coordinators" | "timeframe" | "products";

/** A task being read, before its text and time frame are finalised. */
export interface TaskDraft {
  ref: string;
  section: string;
  paragraphs: string[];
  directing: Party[];
  leads: Party[];
  coordinators: Party[];
  products: string[];
  timeframeText: string | null;
  lineStart: number;
  lineEnd: number;
  /** Fields the document states for this task (even if empty), to compare with sibling tasks. */
  stated: Set<TaskField>;
  warnings: ParseWarning[];
}

type AttributeKind = TaskField | "organise";

const ATTRIBUTES: Array<[RegExp, AttributeKind]> = [
  [/^chỉ đạo thực hiện\s*:\s*/iu, "directing"],
  [/^(?:lãnh đạo|đồng chí)\s+(?:phụ trách|chỉ đạo)\s*:\s*/iu, "directing"],
  [/^tổ chức thực hiện\s*:\s*/iu, "organise"],
  [/^(?:(?:cơ quan|đơn vị)\s+)?chủ trì(?:\s+thực hiện)?\s*:\s*/iu, "leads"],
  [/^(?:(?:cơ quan|đơn vị)\s+)?phối hợp(?:\s+thực hiện)?\s*:\s*/iu, "coordinators"],
  [/^(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*/iu, "timeframe"],
  [/^(?:sản phẩm|kết quả)(?:\s*[,/]?\s*sản phẩm)?\s*:\s*/iu, "products"],
];

/** Recognises an attribute paragraph (bullet optional); null for ordinary text. */
export function matchAttribute(paragraph: string): { kind: AttributeKind; value: string } | null {
  const text = paragraph.replace(/^[-–—+•]\s*/, "");
  for (const [pattern, kind] of ATTRIBUTES) {
    const m = pattern.exec(text);
    if (m) return { kind, value: text.slice(m[0].length).trim() };
  }
  return null;
}

/** Applies one attribute to a task draft; `line` is where it stands, for warnings. */
export function applyAttribute(
  task: TaskDraft,
  attribute: { kind: AttributeKind; value: string },
  line: number,
): void {
  const { kind, value } = attribute;
  if (kind === "timeframe") {
    task.timeframeText = value === "" ? null : value;
    task.stated.add("timeframe");
    return;
  }
  if (kind === "products") {
    task.products.push(...splitProducts(value));
    task.stated.add("products");
    return;
  }
  if (kind === "directing" || kind === "leads" || kind === "coordinators") {
    task[kind].push(...parseParties(value));
    task.stated.add(kind);
    return;
  }
  let lastRole: "leads" | "coordinators" | null = null;
  for (const segment of parseRoleSegments(value)) {
    const role: "leads" | "coordinators" = segment.role ?? lastRole ?? "leads";
    if (segment.role === null && segment.parties.length > 0) {
      task.warnings.push({
        code: "party_role_inferred",
        message: `Không rõ vai trò (chủ trì/phối hợp) của "${segment.parties.map((p) => p.name).join(", ")}"; tạm xếp vào ${role === "leads" ? "chủ trì" : "phối hợp"}`,
        line,
        taskRef: task.ref,
      });
    }
    task[role].push(...segment.parties);
    task.stated.add(role);
    lastRole = role;
  }
}

/** Products are listed one per cell paragraph, line or ";". */
export function splitProducts(value: string): string[] {
  return value
    .split(/<br>|;|\n/)
    .map((p) =>
      p
        .replace(/^[-–+•]\s*/, "")
        .replace(/[.]+$/, "")
        .trim(),
    )
    .filter((p) => p !== "");
}
