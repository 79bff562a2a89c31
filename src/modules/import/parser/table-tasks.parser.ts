/**
 * Tasks given as a table ("Phụ lục", "Danh mục nhiệm vụ"): columns such as TT | Nội dung nhiệm vụ |
 * Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm. Roman-numbered rows group tasks;
 * a row without a number continues the task above (a row split by a page break).
 */
import { foldVietnamese } from "../../../shared/text/fold.js";
import type { TableBlock } from "./layout.parser.js";
import type { Section } from "./parsed-programme.types.js";
import { parseParties } from "./parties.parser.js";
import { splitProducts, type TaskDraft, type TaskField } from "./task-attributes.parser.js";
import { endsSentence, startsLowerCase } from "./text.normalize.js";

type Column = "ref" | "text" | TaskField | "ignore";

const COLUMN_RULES: Array<[RegExp, Column]> = [
  [/^(s\.?\s?tt|tt|so tt|thu tu)$/, "ref"],
  [/chu tri/, "leads"],
  [/phoi hop/, "coordinators"],
  [/chi dao|phu trach/, "directing"],
  [/thoi gian|thoi han|tien do/, "timeframe"],
  [/san pham|ket qua/, "products"],
  [/noi dung|nhiem vu|cong viec|hoat dong/, "text"],
  [/ghi chu|kinh phi/, "ignore"],
];

/** Column roles of a header row, or null when the row does not head a task table. */
export function taskTableColumns(cells: string[]): Column[] | null {
  const cols = cells.map((c) => {
    const f = foldVietnamese(c.replace(/<br>/g, " "));
    return COLUMN_RULES.find(([re]) => re.test(f))?.[1] ?? "ignore";
  });
  const hasText = cols.includes("text");
  const hasRole = cols.includes("leads") || cols.includes("timeframe") || cols.includes("coordinators");
  return hasText && hasRole ? cols : null;
}

export interface TableTasksResult {
  tasks: TaskDraft[];
  sections: Section[];
}

/**
 * Reads the task rows of a table. `sectionRef` is the section the table stands in; group rows open
 * sub-sections "<sectionRef>.<roman>". Returns null when the table is not a task table.
 */
export function readTaskTable(table: TableBlock, sectionRef: string): TableTasksResult | null {
  const headerIdx = table.rows.findIndex((r) => taskTableColumns(r.cells) !== null);
  if (headerIdx < 0) return null;
  const columns = taskTableColumns(table.rows[headerIdx]?.cells ?? []) ?? [];
  const tasks: TaskDraft[] = [];
  const sections: Section[] = [];
  let groupRef = sectionRef;
  let counter = 0;
  for (const row of table.rows.slice(headerIdx + 1)) {
    const get = (col: Column) => {
      const i = columns.indexOf(col);
      return i >= 0 ? (row.cells[i] ?? "").trim() : "";
    };
    if (taskTableColumns(row.cells) !== null) continue; // header repeated on a new page
    if (row.cells.every((c) => /^\(?\d*\)?$/.test(c.trim()))) continue; // "(1) | (2) | (3)" numbering row
    const refCell = get("ref").replace(/[.)]$/, "");
    const text = get("text");
    if (/^[IVXLC]+$/.test(refCell) || /^[A-Z]$/.test(refCell)) {
      groupRef = sectionRef === "" ? refCell : `${sectionRef}.${refCell}`;
      sections.push({ ref: groupRef, heading: text.replace(/<br>/g, " "), kind: "tasks" });
      counter = 0;
      continue;
    }
    const previous = tasks.at(-1);
    if (refCell === "" && previous && columns.includes("ref")) {
      appendRow(previous, columns, row.cells);
      previous.lineEnd = row.line;
      continue;
    }
    if (text === "") continue;
    counter++;
    const number = /^\d+(?:\.\d+)*$/.test(refCell) ? refCell : String(counter);
    const task: TaskDraft = {
      ref: groupRef === "" ? number : `${groupRef}.${number}`,
      section: groupRef,
      paragraphs: [],
      directing: [],
      leads: [],
      coordinators: [],
      products: [],
      timeframeText: null,
      lineStart: row.line,
      lineEnd: row.line,
      stated: new Set(),
      warnings: [],
    };
    for (const col of columns) if (col !== "ref" && col !== "text" && col !== "ignore") task.stated.add(col);
    appendRow(task, columns, row.cells);
    tasks.push(task);
  }
  return { tasks, sections };
}

function appendRow(task: TaskDraft, columns: Column[], cells: string[]): void {
  columns.forEach((col, i) => {
    const value = (cells[i] ?? "").trim();
    if (value === "") return;
    if (col === "text") {
      for (const p of value.split(/\s*<br>\s*/).filter((x) => x !== "")) {
        // A row split by a page break continues its sentence: "… đa ngôn ngữ" + "và các trang …".
        const last = task.paragraphs.length - 1;
        const prev = task.paragraphs[last];
        if (prev !== undefined && !endsSentence(prev) && startsLowerCase(p))
          task.paragraphs[last] = `${prev} ${p}`;
        else task.paragraphs.push(p);
      }
    } else if (col === "directing" || col === "leads" || col === "coordinators")
      task[col].push(...parseParties(value));
    else if (col === "timeframe") {
      const t = value.replace(/\s*<br>\s*/g, " ");
      task.timeframeText = task.timeframeText ? `${task.timeframeText} ${t}` : t;
    } else if (col === "products") task.products.push(...splitProducts(value));
  });
}
