/**
 * Walks the body: Roman-numbered sections, the opening paragraph, tasks (numbered "1." or bulleted "-"),
 * their extra paragraphs and attribute lines, task tables and annexes.
 */
import type { BodyElement, Paragraph } from "./layout.parser.js";
import type { ParseWarning, Section, SectionKind } from "./parsed-programme.types.js";
import { readTaskTable } from "./table-tasks.parser.js";
import { applyAttribute, matchAttribute, type TaskDraft } from "./task-attributes.parser.js";
import { isUpperCaseText } from "./text.normalize.js";

const SECTION_HEADING = /^([IVXLC]+)[.)]\s*(\S.*)$/u;
const APPENDIX_HEADING = /^(?:PHỤ LỤC|Phụ lục)\s*([IVXLC\d]+)?\b[\s.:-]*(.*)$/u;
const NUMBERED = /^(\d{1,3})[.)]\s+(\S.*)$/u;
const SUB_NUMBERED = /^(\d{1,3})\.(\d{1,3})\.?\s+(\S.*)$/u;
const BULLET = /^[-–—•+]\s+(\S.*)$/u;

export interface StructureResult {
  sections: Section[];
  tasks: TaskDraft[];
  /** Paragraphs before the first section ("Căn cứ …"). */
  intro: Paragraph[];
  warnings: ParseWarning[];
}

/** Kind of a section from its heading: only "tasks" sections hold tasks. */
export function sectionKind(heading: string): SectionKind {
  const h = heading.toUpperCase();
  if (
    /TỔ CHỨC THỰC HIỆN|TRÁCH NHIỆM|PHÂN CÔNG/.test(h) &&
    !/NHIỆM VỤ/.test(h.replace(/TỔ CHỨC THỰC HIỆN/, ""))
  ) {
    return "implementation";
  }
  if (/MỤC ĐÍCH|YÊU CẦU|MỤC TIÊU|QUAN ĐIỂM/.test(h) && !/NHIỆM VỤ/.test(h)) return "purpose";
  if (/NHIỆM VỤ|GIẢI PHÁP|NỘI DUNG|HOẠT ĐỘNG|CÔNG VIỆC|DANH MỤC/.test(h)) return "tasks";
  return "other";
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

/**
 * A section number already used by the section before (OCR reads "III." as "II." when a stroke fades)
 * becomes the next number, with a warning for the reviewer.
 */
function sectionRef(ref: string, sections: Section[], line: number, warnings: ParseWarning[]): string {
  const last = sections.at(-1)?.ref ?? "";
  const lastIndex = ROMAN.indexOf(last);
  if (ref !== last || lastIndex < 0 || lastIndex + 1 >= ROMAN.length) return ref;
  const next = ROMAN[lastIndex + 1] as string;
  warnings.push({
    code: "section_number_repeated",
    message: `Mục ${ref} lặp lại số của mục trước; tạm đọc là mục ${next} / section ${ref} repeats the previous number; read as ${next}`,
    line,
    taskRef: null,
  });
  return next;
}

function isSectionHeading(text: string): RegExpExecArray | null {
  const m = SECTION_HEADING.exec(text);
  if (!m?.[2]) return null;
  return isUpperCaseText(m[2]) || (m[2].length < 90 && !/[.;]$/.test(m[2])) ? m : null;
}

/** Reads sections and task drafts from body elements (footnote bodies already removed). */
export function readStructure(elements: BodyElement[]): StructureResult {
  const sections: Section[] = [];
  const tasks: TaskDraft[] = [];
  const intro: Paragraph[] = [];
  const warnings: ParseWarning[] = [];
  let section: Section | null = null;
  let current: TaskDraft | null = null;
  let bulletCount = 0;
  let sectionHasNumbers = false;
  let appendixCount = 0;

  const openSection = (s: Section, from: number) => {
    sections.push(s);
    section = s;
    current = null;
    bulletCount = 0;
    sectionHasNumbers = hasNumberedParagraphs(elements, from + 1);
  };

  // Short plans number their tasks without Roman sections; the tasks then go to an unnamed section "0".
  let implicit = false;
  const openImplicit = (at: number) => {
    implicit = true;
    openSection({ ref: "0", heading: "", kind: "tasks" }, at);
    warnings.push({
      code: "section_missing",
      message: "Nhiệm vụ không nằm trong mục nào (I, II…); đã xếp vào mục không tên",
      line: elements[Math.max(at, 0)]?.lineStart ?? null,
      taskRef: null,
    });
  };
  if (!elements.some(isHeadingElement) && hasAttributedNumberedTasks(elements)) openImplicit(-1);

  elements.forEach((el, index) => {
    if (el.kind === "table") {
      if (section === null && readTaskTable(el, "0")) openImplicit(index);
      const read = readTaskTable(el, (section as Section | null)?.ref ?? "0");
      if (read) {
        sections.push(...read.sections);
        tasks.push(...read.tasks);
        current = null;
      }
      return;
    }
    const text = el.text;
    const heading = isSectionHeading(text);
    if (heading?.[1] && heading[2]) {
      const ref = sectionRef(heading[1], sections, el.lineStart, warnings);
      openSection({ ref, heading: heading[2], kind: sectionKind(heading[2]) }, index);
      return;
    }
    const annex = APPENDIX_HEADING.exec(text);
    if (annex && text.length < 80) {
      appendixCount++;
      const ref = `PL${annex[1] ?? (appendixCount > 1 ? appendixCount : "")}`;
      openSection({ ref, heading: text, kind: "tasks" }, index);
      return;
    }
    const active: Section | null = section;
    if (active === null) {
      intro.push(el);
      return;
    }
    const task: TaskDraft | null = current;
    const attribute = matchAttribute(text);
    if (attribute) {
      if (task) {
        applyAttribute(task, attribute, el.lineStart);
        task.lineEnd = el.lineEnd;
      }
      return;
    }
    if (active.kind !== "tasks") return;
    if (active.ref.startsWith("PL") && task === null && isUpperCaseText(text) && tasks.length === 0) {
      active.heading = `${active.heading} ${text}`;
      return;
    }
    const numbered = NUMBERED.exec(text);
    const sub = numbered ? null : SUB_NUMBERED.exec(text);
    const bullet = numbered || sub ? null : BULLET.exec(text);
    // Sub-items are tasks when the first of them ("x.1.") has its own attributes; otherwise they are points
    // of the task above and its attributes follow the last point.
    const subGroup = sub ? `${active.ref}.${Number(sub[1])}` : "";
    const subIsTask =
      sub !== null &&
      (sections.some((s) => s.ref === subGroup) ||
        (Number(sub[2]) === 1 && hasOwnAttributes(elements, index)));
    if (sub?.[1] && sub[2] && sub[3] && subIsTask) {
      // "1. Công tác tuyên truyền" followed by "1.1. …" items with their own attributes: the "1." line is a
      // group heading, and each "1.x." item is a task.
      const groupRef = subGroup;
      if (task && task.ref === groupRef && task.stated.size === 0 && task.paragraphs.length === 1) {
        tasks.splice(tasks.indexOf(task), 1);
        sections.push({ ref: groupRef, heading: task.paragraphs[0] ?? "", kind: "tasks" });
      }
      const inGroup = sections.some((s) => s.ref === groupRef);
      current = newTask(`${groupRef}.${Number(sub[2])}`, inGroup ? groupRef : active.ref, sub[3], el);
      tasks.push(current);
    } else if (numbered?.[1] && numbered[2]) {
      current = newTask(`${active.ref}.${Number(numbered[1])}`, active.ref, numbered[2], el);
      tasks.push(current);
    } else if (bullet?.[1] && !sectionHasNumbers) {
      bulletCount++;
      current = newTask(`${active.ref}.${bulletCount}`, active.ref, bullet[1], el);
      tasks.push(current);
    } else if (task && task.stated.size === 0) {
      task.paragraphs.push(text);
      task.lineEnd = el.lineEnd;
    } else if (implicit && tasks.length === 0) {
      intro.push(el);
    } else {
      warnings.push({
        code: "paragraph_unassigned",
        message: "Đoạn văn trong phần nhiệm vụ không gắn được với nhiệm vụ nào",
        line: el.lineStart,
        taskRef: null,
      });
    }
  });
  return { sections, tasks, intro, warnings };
}

function newTask(ref: string, section: string, firstParagraph: string, el: Paragraph): TaskDraft {
  return {
    ref,
    section,
    paragraphs: [firstParagraph],
    directing: [],
    leads: [],
    coordinators: [],
    products: [],
    timeframeText: null,
    lineStart: el.lineStart,
    lineEnd: el.lineEnd,
    stated: new Set(),
    warnings: [],
  };
}

/** An item has its own attribute lines before the next numbered item or heading. */
function hasOwnAttributes(elements: BodyElement[], index: number): boolean {
  for (let i = index + 1; i < elements.length; i++) {
    const el = elements[i];
    if (el?.kind !== "paragraph") return false;
    if (NUMBERED.test(el.text) || SUB_NUMBERED.test(el.text) || isHeadingElement(el)) return false;
    if (matchAttribute(el.text)) return true;
  }
  return false;
}

function isHeadingElement(el: BodyElement): boolean {
  return (
    el.kind === "paragraph" &&
    (isSectionHeading(el.text) !== null || (APPENDIX_HEADING.test(el.text) && el.text.length < 80))
  );
}

/** A numbered paragraph later followed by an attribute line ("Thời gian: …"): tasks, even without sections. */
function hasAttributedNumberedTasks(elements: BodyElement[]): boolean {
  const first = elements.findIndex((el) => el.kind === "paragraph" && NUMBERED.test(el.text));
  return (
    first >= 0 &&
    elements.slice(first + 1).some((el) => el.kind === "paragraph" && matchAttribute(el.text) !== null)
  );
}

/** Whether the section starting after `from` numbers its tasks ("1.", "2."), making bullets sub-items. */
function hasNumberedParagraphs(elements: BodyElement[], from: number): boolean {
  for (let i = from; i < elements.length; i++) {
    const el = elements[i];
    if (el?.kind !== "paragraph") continue;
    if (isSectionHeading(el.text) || APPENDIX_HEADING.test(el.text)) return false;
    if (NUMBERED.test(el.text)) return true;
  }
  return false;
}
