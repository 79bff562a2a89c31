/**
 * Bench: per-field accuracy of the programme parser on every fixture document against its hand-written
 * expectation. Prints a table; a field counts as right only when every stated sub-field matches.
 *
 * Scans (`*.scan.pdf`, made by test/fixtures/programmes/make-pdf-fixtures.sh) are read by OCR (tesseract, vie)
 * and scored against the expectation of the document they were printed from; `--no-ocr` leaves them out,
 * `--compare-deskew` also reads them without straightening, to measure what deskewing buys.
 *
 *   node --import ./scripts/ts-loader.mjs bench/import-accuracy.ts [--append] [--no-ocr] [--compare-deskew]
 */
import { appendFileSync, readFileSync } from "node:fs";
import { ocrPdf } from "../src/modules/import/extract/ocr.extract.js";
import {
  type ParsedProgramme,
  parseProgrammeFile,
  parseProgrammeText,
} from "../src/modules/import/parser/index.js";
import { compareToExpected, FIXTURES_DIR, readExpected } from "../test/fixtures/programmes/expectations.js";
import { foldStrings, omitKeys, PROGRAMME_FIXTURES } from "../test/fixtures/programmes/fixtures.js";

type Json = Record<string, unknown>;
const TASK_FIELDS = [
  "text",
  "directing",
  "leads",
  "coordinators",
  "timeframe",
  "footnotes",
  "products",
  "source",
];
const tally = new Map<string, { right: number; total: number }>();
const count = (field: string, ok: boolean) => {
  const t = tally.get(field) ?? { right: 0, total: 0 };
  t.total++;
  if (ok) t.right++;
  tally.set(field, t);
};
const perFixture: string[] = [];

/** Scans of the PDF fixtures, scored against the document they were printed from. */
const SCAN_FIXTURES = [
  {
    file: "nghe-an-2025.scan.pdf",
    expected: "nghe-an-2025.expected.json",
    omit: ["source", "line"],
    pages: 3,
  },
  {
    file: "quang-tri-2025.scan.pdf",
    expected: "quang-tri-2025.expected.json",
    omit: ["source", "line"],
    pages: 2,
  },
];
const ocrRows: string[] = [];

for (const fixture of PROGRAMME_FIXTURES) {
  const bytes = new Uint8Array(readFileSync(`${FIXTURES_DIR}${fixture.file}`));
  const { programme } = await parseProgrammeFile({ bytes, filename: fixture.file });
  score(fixture, programme);
}

if (!process.argv.includes("--no-ocr")) {
  const variants = process.argv.includes("--compare-deskew") ? [true, false] : [true];
  for (const deskew of variants) {
    for (const fixture of SCAN_FIXTURES) {
      const bytes = new Uint8Array(readFileSync(`${FIXTURES_DIR}${fixture.file}`));
      const started = process.hrtime.bigint();
      const ocr = await ocrPdf(bytes, fixture.pages, { maxPages: 50, deskew });
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const programme = parseProgrammeText(ocr.text);
      const label = `${fixture.file} (OCR${deskew ? "" : ", no deskew"})`;
      // Only the main scans count in the field tally; the no-deskew run is a comparison.
      const [right, total] = score({ ...fixture, file: label }, programme, deskew);
      const doubtful = ocr.confidence.filter((c) => c && (c.mean < 85 || c.min < 40)).length;
      const lines = ocr.confidence.filter((c) => c !== null).length;
      ocrRows.push(
        `| ${label} | ${right}/${total} (${((100 * right) / total).toFixed(1)}%) | ${(wallMs / 1000 / ocr.pages).toFixed(1)} s | ${doubtful}/${lines} |`,
      );
    }
  }
}

function score(
  fixture: { file: string; expected: string; omit?: string[]; folded?: boolean },
  programme: ParsedProgramme,
  tallied = true,
): [number, number] {
  let expected = omitKeys(readExpected(fixture.expected), fixture.omit ?? []) as Json;
  let actual = programme as unknown as Json;
  if (fixture.folded) {
    expected = foldStrings(expected) as Json;
    actual = foldStrings(actual) as Json;
  }
  let right = 0;
  let total = 0;
  const check = (field: string, a: unknown, e: unknown) => {
    if (e === undefined) return;
    const ok = compareToExpected(a, e).length === 0;
    if (tallied) count(field, ok);
    total++;
    if (ok) right++;
  };
  for (const [key, value] of Object.entries((expected.document as Json | undefined) ?? {})) {
    check(`document.${key}`, (actual.document as Json)[key], value);
  }
  const expCitations = (expected.citations as Json[] | undefined) ?? [];
  const actCitations = (actual.citations as Json[] | undefined) ?? [];
  for (const c of expCitations) {
    check(
      "citations (found, by number)",
      actCitations.find((a) => a.number === c.number && a.kind === c.kind) ?? null,
      c,
    );
  }
  check("citations (nothing extra)", actCitations.length, expCitations.length);
  check("sections", actual.sections, expected.sections);
  const actTasks = (actual.tasks as Json[] | undefined) ?? [];
  const expTasks = (expected.tasks as Json[] | undefined) ?? [];
  check("tasks (count)", actTasks.length, expTasks.length);
  for (const task of expTasks) {
    const found = actTasks.find((t) => t.ref === task.ref);
    check("tasks.ref (found)", found ? task.ref : null, task.ref);
    for (const f of TASK_FIELDS) check(`tasks.${f}`, found?.[f], task[f]);
  }
  check("signature", actual.signature, expected.signature);
  check("recipients", actual.recipients, expected.recipients);
  check("warnings", actual.warnings, expected.warnings);
  perFixture.push(
    `| ${fixture.file} | ${right}/${total} | ${((100 * right) / Math.max(total, 1)).toFixed(1)}% |`,
  );
  return [right, total];
}

const fieldRows = [...tally.entries()].map(
  ([field, t]) => `| ${field} | ${t.right}/${t.total} | ${((100 * t.right) / t.total).toFixed(1)}% |`,
);
const report = [
  "| Field | Right | Accuracy |",
  "|---|---|---|",
  ...fieldRows,
  "",
  "| Fixture | Fields right | Accuracy |",
  "|---|---|---|",
  ...perFixture,
  ...(ocrRows.length > 0
    ? [
        "",
        "| Scan (OCR) | Fields right | Wall time per page | Lines marked doubtful |",
        "|---|---|---|---|",
        ...ocrRows,
      ]
    : []),
].join("\n");
console.log(report);
if (process.argv.includes("--append")) {
  appendFileSync(
    new URL("./RESULTS.md", import.meta.url),
    `\n### Programme import — accuracy on fixtures\n\nHand-written expectations of the fixtures in test/fixtures/programmes (written alongside the parser, so this guards against regressions; it is not a measure on unseen documents).\n\n${report}\n`,
  );
}
