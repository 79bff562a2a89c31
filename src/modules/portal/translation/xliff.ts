/**
 * XLIFF 2.0 (OASIS, core) for translators' CAT tools: one `<file>` per item, named by the item and the
 * source revision it was cut from, one `<unit>` per translatable unit. Inline formatting travels as
 * `<pc>` (bold, italic, links) and `<ph>` (line breaks) with their original markup in `<originalData>`.
 *
 * Reading a file back is strict where it protects the text and lenient where tools differ: a DOCTYPE is
 * refused outright (no entity expansion), whitespace that a tool pretty-printed is collapsed (XLIFF's
 * default `xml:space`), and the placeholders of each target must be exactly those of its source —
 * ids unknown, repeated or missing are refused with the unit named. Link targets always come from the
 * source, never from the file, so a translation cannot smuggle a `javascript:` link into the portal.
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { type Inline, type Mark, type Unit, unitText } from "./segments.js";
import { xliffErrors } from "./xliff.errors.js";

export const XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0";
const MAX_XLIFF_BYTES = 10 * 1024 * 1024;

/** One item to export: its units (and an earlier translation of the same revision, if any). */
export interface XliffItem {
  itemId: string;
  sourceRevision: number;
  /** Shown to the translator as the file's note (the Vietnamese title). */
  title: string;
  units: readonly Unit[];
  targets?: ReadonlyMap<string, Unit>;
}

/** The placeholders of a unit: pc ids with their marks, ph ids (line breaks). */
interface Codes {
  pc: Map<string, Mark>;
  ph: Set<string>;
}

// ----- writing -------------------------------------------------------------------------------------

type Node = Record<string, unknown>;
const text = (t: string): Node => ({ "#text": t });
const el = (name: string, attrs: Record<string, string>, children: Node[] = []): Node => ({
  [name]: children,
  ":@": Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`@_${k}`, v])),
});

const sameMark = (a: Mark, b: Mark) => a.type === b.type && (a.href ?? "") === (b.href ?? "");

function openTag(m: Mark): string {
  if (m.type === "bold") return "<strong>";
  if (m.type === "italic") return "<em>";
  return `<a href="${m.href ?? ""}">`;
}
const closeTag = (m: Mark) => (m.type === "bold" ? "</strong>" : m.type === "italic" ? "</em>" : "</a>");

/**
 * A unit's inlines as XLIFF inline content, numbering its codes; `data` collects the original markup.
 * Marks are opened and closed as a stack, as ProseMirror writes them to HTML.
 */
function inlineContent(inlines: readonly Inline[], data: Node[]): Node[] {
  const root: Node[] = [];
  const stack: { mark: Mark; children: Node[] }[] = [];
  let next = 1;
  const current = () => stack.at(-1)?.children ?? root;
  const datum = (markup: string) => {
    const id = `d${data.length + 1}`;
    data.push(el("data", { id }, [text(markup)]));
    return id;
  };
  for (const inline of inlines) {
    const marks = inline.kind === "text" ? inline.marks : [];
    let keep = 0;
    while (
      keep < stack.length &&
      keep < marks.length &&
      sameMark(stack[keep]?.mark as Mark, marks[keep] as Mark)
    )
      keep++;
    stack.length = keep;
    for (const mark of marks.slice(keep)) {
      const children: Node[] = [];
      const attrs: Record<string, string> = {
        id: String(next++),
        dataRefStart: datum(openTag(mark)),
        dataRefEnd: datum(closeTag(mark)),
        type: mark.type === "link" ? "link" : "fmt",
      };
      if (mark.type !== "link") attrs.subType = mark.type === "bold" ? "xlf:b" : "xlf:i";
      current().push(el("pc", attrs, children));
      stack.push({ mark, children });
    }
    if (inline.kind === "text") current().push(text(inline.text));
    else
      current().push(
        el("ph", { id: String(next++), dataRef: datum("<br/>"), type: "fmt", subType: "xlf:lb" }),
      );
  }
  return root;
}

/** An XLIFF 2.0 document for the items, from Vietnamese to `trgLang`. */
export function buildXliff(trgLang: string, items: readonly XliffItem[]): string {
  const files = items.map((item) =>
    el(
      "file",
      {
        // Tools keep a file's id when they drop its notes and `original`: it names the item and revision.
        id: `item-${item.itemId}-r${item.sourceRevision}`,
        original: `haidang:portal/${item.itemId}@${item.sourceRevision}`,
      },
      [
        el("notes", {}, [
          el("note", { id: "source-revision", category: "haidang:source-revision" }, [
            text(String(item.sourceRevision)),
          ]),
          el("note", { id: "title", category: "haidang:title" }, [text(item.title)]),
        ]),
        ...item.units.map((unit) => {
          const data: Node[] = [];
          const source = inlineContent(unit.inlines, data);
          const existing = item.targets?.get(unit.id);
          const targetData: Node[] = [];
          const target = existing ? inlineContent(existing.inlines, targetData) : null;
          // The target's codes are numbered on their own; both use the source's data when they match.
          const segment = el("segment", { state: existing ? "translated" : "initial" }, [
            el("source", {}, source),
            ...(target && sameCodes(codesOf(unit.inlines), codesOf(existing?.inlines ?? []))
              ? [el("target", {}, target)]
              : []),
          ]);
          return el("unit", { id: unit.id, name: unit.field }, [
            ...(data.length > 0 ? [el("originalData", {}, data)] : []),
            segment,
          ]);
        }),
      ],
    ),
  );
  const doc = [
    { "?xml": [text("")], ":@": { "@_version": "1.0", "@_encoding": "UTF-8" } },
    el("xliff", { xmlns: XLIFF_NS, version: "2.0", srcLang: "vi", trgLang }, files),
  ];
  const builder = new XMLBuilder({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    suppressEmptyNode: true,
    format: false,
  });
  return builder.build(doc) as string;
}

const sameCodes = (a: Codes, b: Codes) =>
  a.pc.size === b.pc.size &&
  [...a.pc].every(([id, m]) => {
    const other = b.pc.get(id);
    return other !== undefined && sameMark(m, other);
  }) &&
  a.ph.size === b.ph.size &&
  [...a.ph].every((id) => b.ph.has(id));

// ----- reading -------------------------------------------------------------------------------------

/** A unit as read from a file: its source and target content, still with code ids. */
export interface ReadUnit {
  id: string;
  source: Node[];
  target: Node[] | null;
  /** `xml:space="preserve"` on the unit or its segment. */
  preserve: boolean;
}

export interface ReadFile {
  itemId: string | null;
  sourceRevision: number | null;
  units: Map<string, ReadUnit>;
}

export interface ReadXliff {
  srcLang: string;
  trgLang: string | null;
  files: ReadFile[];
}

const attrsOf = (n: Node): Record<string, string> => (n[":@"] as Record<string, string> | undefined) ?? {};
const nameOf = (n: Node) => Object.keys(n).find((k) => k !== ":@") ?? "";
const kids = (n: Node): Node[] => (Array.isArray(n[nameOf(n)]) ? (n[nameOf(n)] as Node[]) : []);
const child = (n: Node, name: string) => kids(n).find((c) => nameOf(c) === name);
const all = (n: Node, name: string) => kids(n).filter((c) => nameOf(c) === name);
const textOf = (n: Node): string =>
  kids(n)
    .map((c) => (nameOf(c) === "#text" ? String(c["#text"]) : textOf(c)))
    .join("");

/** Parses an XLIFF 2.0 document (no DOCTYPE, at most 10 MB). */
export function readXliff(xml: string): ReadXliff {
  if (Buffer.byteLength(xml) > MAX_XLIFF_BYTES) throw xliffErrors.tooLarge();
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw xliffErrors.doctype();
  let doc: Node[];
  try {
    doc = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: "@_",
      removeNSPrefix: true,
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: true,
      htmlEntities: false,
    }).parse(xml, true) as Node[];
  } catch (err) {
    throw xliffErrors.invalid({ cause: err });
  }
  const root = doc.find((n) => nameOf(n) === "xliff");
  const rootAttrs = root ? attrsOf(root) : {};
  if (!root || rootAttrs["@_version"] !== "2.0")
    throw xliffErrors.invalid({
      vi: 'Tệp không phải XLIFF 2.0 (thiếu phần tử <xliff version="2.0">)',
      en: 'Not an XLIFF 2.0 file (no <xliff version="2.0"> element)',
    });
  const files = all(root, "file").map((file): ReadFile => {
    const id = attrsOf(file)["@_id"] ?? "";
    const original = attrsOf(file)["@_original"] ?? "";
    const fromOriginal = /^haidang:portal\/([^@]+)@(\d+)$/.exec(original);
    const revisionNote = all(child(file, "notes") ?? {}, "note").find(
      (n) => attrsOf(n)["@_id"] === "source-revision",
    );
    const fromId = /^item-(.+)-r(\d+)$/.exec(id);
    const revision = revisionNote
      ? Number(textOf(revisionNote).trim())
      : Number(fromId?.[2] ?? fromOriginal?.[2]);
    const units = new Map<string, ReadUnit>();
    const collect = (parent: Node) => {
      for (const c of kids(parent)) {
        if (nameOf(c) === "group") collect(c);
        if (nameOf(c) !== "unit") continue;
        const segments = all(c, "segment");
        // A tool may split a unit into several segments: their sources and targets are read in order.
        const source = segments.flatMap((s) => kids(child(s, "source") ?? {}));
        const targets = segments.map((s) => child(s, "target"));
        const target = targets.every((tg) => tg) ? targets.flatMap((tg) => kids(tg as Node)) : null;
        const preserve = [c, ...segments].some((n) => attrsOf(n)["@_space"] === "preserve");
        units.set(attrsOf(c)["@_id"] ?? "", { id: attrsOf(c)["@_id"] ?? "", source, target, preserve });
      }
    };
    collect(file);
    return {
      itemId: fromId?.[1] ?? fromOriginal?.[1] ?? null,
      sourceRevision: Number.isInteger(revision) ? revision : null,
      units,
    };
  });
  return { srcLang: rootAttrs["@_srcLang"] ?? "", trgLang: rootAttrs["@_trgLang"] ?? null, files };
}

/**
 * The codes of a unit as `inlineContent` writes them, by id: each pc with the mark it opens (marks are
 * opened in the order the walk meets them), each ph. What a target may — and must — use.
 */
function codesOf(inlines: readonly Inline[]): Codes {
  const opened: Mark[] = [];
  const stack: Mark[] = [];
  for (const inline of inlines) {
    const marks = inline.kind === "text" ? inline.marks : [];
    let keep = 0;
    while (keep < stack.length && keep < marks.length && sameMark(stack[keep] as Mark, marks[keep] as Mark))
      keep++;
    stack.length = keep;
    for (const m of marks.slice(keep)) {
      opened.push(m);
      stack.push(m);
    }
  }
  const codes: Codes = { pc: new Map(), ph: new Set() };
  let next = 0;
  const assign = (nodes: Node[]) => {
    for (const n of nodes) {
      if ("pc" in n) {
        codes.pc.set(attrsOf(n)["@_id"] ?? "", opened[next++] as Mark);
        assign(n.pc as Node[]);
      } else if ("ph" in n) codes.ph.add(attrsOf(n)["@_id"] ?? "");
    }
  };
  assign(inlineContent(inlines, []));
  return codes;
}

/** A short quote of a unit for error messages: «Hải Phòng là thành phố cảng…». */
const quote = (unit: Unit) => {
  const t = unitText(unit.inlines).replace(/\s+/g, " ");
  return `«${t.length > 60 ? `${t.slice(0, 60)}…` : t}»`;
};

function broken(unit: Unit, vi: string, en: string) {
  return xliffErrors.brokenPlaceholder({
    vi: `Đoạn ${unit.id} ${quote(unit)}: ${vi}`,
    en: `Unit ${unit.id} ${quote(unit)}: ${en}`,
    meta: { unit: unit.id },
  });
}

/** A target's content as inlines, checked against its source's codes. */
function targetInlines(unit: Unit, content: Node[], preserve: boolean): Inline[] {
  const codes = codesOf(unit.inlines);
  const seenPc = new Set<string>();
  const seenPh = new Set<string>();
  const out: Inline[] = [];
  const walk = (nodes: Node[], marks: Mark[]) => {
    for (const n of nodes) {
      const name = nameOf(n);
      if (name === "#text") {
        const t = String(n["#text"]);
        if (t !== "") out.push({ kind: "text", text: t, marks });
      } else if (name === "pc") {
        const id = attrsOf(n)["@_id"] ?? "";
        const mark = codes.pc.get(id);
        if (!mark)
          throw broken(
            unit,
            `thẻ định dạng số ${id} không có trong bản gốc`,
            `code ${id} is not in the source`,
          );
        if (seenPc.has(id)) throw broken(unit, `thẻ định dạng số ${id} bị lặp`, `code ${id} is used twice`);
        seenPc.add(id);
        walk(kids(n), [...marks, mark]);
      } else if (name === "ph") {
        const id = attrsOf(n)["@_id"] ?? "";
        if (!codes.ph.has(id))
          throw broken(
            unit,
            `dấu xuống dòng số ${id} không có trong bản gốc`,
            `placeholder ${id} is not in the source`,
          );
        if (seenPh.has(id))
          throw broken(unit, `dấu xuống dòng số ${id} bị lặp`, `placeholder ${id} is used twice`);
        seenPh.add(id);
        out.push({ kind: "break" });
      } else if (name === "sc" || name === "ec" || name === "mrk" || name === "sm" || name === "em") {
        if (name === "mrk") walk(kids(n), marks);
        else
          throw broken(
            unit,
            `thẻ <${name}> không được hỗ trợ; hãy giữ nguyên các thẻ <pc> của bản gốc`,
            `<${name}> is not supported; keep the source's <pc> codes`,
          );
      }
    }
  };
  walk(content, []);
  const missing = [...codes.pc.keys()].filter((id) => !seenPc.has(id));
  const missingPh = [...codes.ph].filter((id) => !seenPh.has(id));
  if (missing.length + missingPh.length > 0)
    throw broken(
      unit,
      `bản dịch thiếu thẻ số ${[...missing, ...missingPh].join(", ")} của bản gốc`,
      `the translation lacks code(s) ${[...missing, ...missingPh].join(", ")} of the source`,
    );
  if (preserve) return out;
  // XLIFF's default whitespace handling: runs collapsed to one space, and none kept at the unit's
  // ends or next to a line break (where tools that pretty-print put their indentation).
  const collapsed = out.map((i) => (i.kind === "text" ? { ...i, text: i.text.replace(/\s+/g, " ") } : i));
  const edge = (k: number) => k < 0 || k >= collapsed.length || collapsed[k]?.kind === "break";
  return collapsed
    .map((i, k) => {
      if (i.kind !== "text") return i;
      let t = i.text;
      if (edge(k - 1)) t = t.trimStart();
      if (edge(k + 1)) t = t.trimEnd();
      return { ...i, text: t };
    })
    .filter((i) => i.kind !== "text" || i.text !== "");
}

/**
 * The translated units of one file, checked against the current source units: the same item and
 * revision, no unknown unit, every unit translated, placeholders intact. Throws the first problem
 * with the unit it concerns.
 */
export function translatedUnits(
  file: ReadFile,
  expected: { itemId: string; sourceRevision: number; units: readonly Unit[] },
): Map<string, Unit> {
  if (file.itemId !== expected.itemId)
    throw xliffErrors.wrongItem({ meta: { expected: expected.itemId, found: file.itemId } });
  if (file.sourceRevision !== expected.sourceRevision)
    throw xliffErrors.wrongRevision({
      vi: `Tệp XLIFF được xuất từ phiên bản ${file.sourceRevision ?? "?"} của bản tiếng Việt; bản hiện nay là phiên bản ${expected.sourceRevision}. Hãy xuất lại tệp mới để dịch phần đã thay đổi.`,
      en: `The XLIFF file was exported from revision ${file.sourceRevision ?? "?"} of the Vietnamese source; it is now at revision ${expected.sourceRevision}. Export it again.`,
      meta: { found: file.sourceRevision, current: expected.sourceRevision },
    });
  const byId = new Map(expected.units.map((u) => [u.id, u]));
  for (const id of file.units.keys())
    if (!byId.has(id))
      throw xliffErrors.unknownUnit({
        vi: `Tệp XLIFF có đoạn "${id}" không có trong bản gốc`,
        en: `The XLIFF file has a unit "${id}" the source does not have`,
        meta: { unit: id },
      });
  const out = new Map<string, Unit>();
  const untranslated: string[] = [];
  for (const unit of expected.units) {
    const read = file.units.get(unit.id);
    const inlines = read?.target ? targetInlines(unit, read.target, read.preserve) : [];
    if (!inlines.some((i) => i.kind === "text" && i.text.trim() !== "")) {
      untranslated.push(`${unit.id} ${quote(unit)}`);
      continue;
    }
    out.set(unit.id, { ...unit, inlines });
  }
  if (untranslated.length > 0)
    throw xliffErrors.untranslated({
      vi: `Còn ${untranslated.length} đoạn chưa dịch: ${untranslated.slice(0, 5).join("; ")}${untranslated.length > 5 ? "; …" : ""}`,
      en: `${untranslated.length} unit(s) not translated: ${untranslated.slice(0, 5).join("; ")}${untranslated.length > 5 ? "; …" : ""}`,
      meta: { units: untranslated.length },
    });
  return out;
}
