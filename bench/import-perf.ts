/**
 * Bench: speed and memory of the programme import.
 * - the reference programme, warm (target < 20 ms);
 * - a generated 2,000-task programme in table form, as pipe-table text and as .docx (target < 1 s);
 * - peak memory reading a generated 20 MB .docx, measured in a child process (target < 200 MB).
 *
 *   node --import ./scripts/ts-loader.mjs bench/import-perf.ts [--append]
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname } from "node:path";
import { performance } from "node:perf_hooks";
import { Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import ts from "typescript";
import { parseProgrammeFile, parseProgrammeText } from "../src/modules/import/parser/index.js";
import { FIXTURES_DIR } from "../test/fixtures/programmes/expectations.js";

const TMP = new URL("./tmp/", import.meta.url);
const HEADER = [
  "TT",
  "Nội dung nhiệm vụ",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Thời gian hoàn thành",
  "Sản phẩm",
];
const UNITS = [
  "Sở Ngoại vụ",
  "Báo Hải Phòng",
  "Sở Du lịch",
  "Sở Văn hóa và Thể thao",
  "Đài Phát thanh và Truyền hình Hải Phòng",
];
const TIMES = [
  "Quý I/2024",
  "Trước ngày 30/9/2024",
  "Thường xuyên",
  "6 tháng cuối năm 2024",
  "Theo Kế hoạch số 318/KH-UBND",
];

function taskRow(i: number): string[] {
  return [
    String(i + 1),
    `Tổ chức thông tin, tuyên truyền về hoạt động đối ngoại số ${i + 1} của thành phố trên báo chí và mạng xã hội, bảo đảm kịp thời, chính xác.`,
    UNITS[i % UNITS.length] ?? "",
    `${UNITS[(i + 1) % UNITS.length]}, ${UNITS[(i + 2) % UNITS.length]}`,
    TIMES[i % TIMES.length] ?? "",
    "Bài viết, phóng sự",
  ];
}

const HEAD_TEXT =
  "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\n\nSố: 999/KH-UBND\n\nHải Phòng, ngày 02 tháng 01 năm 2024\n\nKẾ HOẠCH\nThông tin đối ngoại năm 2024\n\nCăn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ.\n\nI. NHIỆM VỤ CỤ THỂ\n\n";

function tableProgrammeText(tasks: number): string {
  const rows = Array.from({ length: tasks }, (_, i) => `| ${taskRow(i).join(" | ")} |`);
  return `${HEAD_TEXT}| ${HEADER.join(" | ")} |\n|---|---|---|---|---|---|\n${rows.join("\n")}\n\nNơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A\n`;
}

async function tableProgrammeDocx(tasks: number, mediaBytes = 0): Promise<Buffer> {
  const cells = (values: string[]) =>
    new TableRow({ children: values.map((v) => new TableCell({ children: [new Paragraph(v)] })) });
  const head = HEAD_TEXT.split("\n")
    .filter((l) => l !== "")
    .map((l) => new Paragraph(l));
  const media = mediaBytes
    ? [
        new Paragraph({
          children: [
            new ImageRun({
              type: "png",
              data: randomBytes(mediaBytes),
              transformation: { width: 10, height: 10 },
            }),
          ],
        }),
      ]
    : [];
  const doc = new Document({
    sections: [
      {
        children: [
          ...head,
          new Table({ rows: [cells(HEADER), ...Array.from({ length: tasks }, (_, i) => cells(taskRow(i)))] }),
          ...media,
          new Paragraph("Nơi nhận:"),
          new Paragraph("- Lưu: VT."),
          new Paragraph("TM. ỦY BAN NHÂN DÂN"),
          new Paragraph("CHỦ TỊCH"),
          new Paragraph("Nguyễn Văn A"),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function timeRuns(fn: () => unknown | Promise<unknown>, warm: number, runs: number) {
  for (let i = 0; i < warm; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { median: at(0.5), p90: at(0.9), min: times[0] ?? 0 };
}

/**
 * The child runs plain JavaScript, so its memory is the parser's and not the TypeScript compiler's that the
 * loader would bring in: the parser's sources are transpiled once into bench/tmp/js/.
 */
function buildParserJs(): string {
  const outRoot = `${TMP.pathname}js/`;
  const roots = ["src/modules/import/parser", "src/modules/import/extract", "src/shared/text"];
  const files = [
    ...roots.flatMap((r) => readdirSync(r).map((f) => `${r}/${f}`)),
    "src/modules/import/import.errors.ts",
    "src/platform/errors.ts",
  ].filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  for (const file of files) {
    const js = ts.transpileModule(readFileSync(file, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    mkdirSync(dirname(`${outRoot}${file}`), { recursive: true });
    writeFileSync(`${outRoot}${file.replace(/\.ts$/, ".js")}`, js);
  }
  const runner = `${outRoot}measure.mjs`;
  writeFileSync(
    runner,
    `import { readFileSync } from "node:fs";
const { parseProgrammeFile } = await import("./src/modules/import/parser/index.js");
const file = process.argv[2];
const bytes = new Uint8Array(readFileSync(file));
globalThis.gc?.();
const before = process.memoryUsage();
let peakHeap = before.heapUsed;
const timer = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 5);
const t0 = performance.now();
const { programme } = await parseProgrammeFile({ bytes, filename: file });
const ms = performance.now() - t0;
clearInterval(timer);
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
console.log(JSON.stringify({ tasks: programme.tasks.length, ms, baselineRssMb: before.rss / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / 2 ** 20 }));
`,
  );
  return runner;
}

async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  const lines: string[] = [];
  const log = (s: string) => {
    console.log(s);
    lines.push(`- ${s}`);
  };
  const reference = readFileSync(`${FIXTURES_DIR}hai-phong-2024.txt`, "utf8");
  const ref = await timeRuns(() => parseProgrammeText(reference), 20, 100);
  log(
    `Reference programme 02-CTr/BCĐ (28 tasks), warm, 100 runs: median ${ref.median.toFixed(2)} ms, p90 ${ref.p90.toFixed(2)} ms — target < 20 ms: ${ref.median < 20 ? "PASS" : "FAIL"}`,
  );

  const text2000 = tableProgrammeText(2000);
  const textRun = await timeRuns(() => parseProgrammeText(text2000), 2, 10);
  const tasksText = parseProgrammeText(text2000).tasks.length;
  log(
    `2,000-task table programme as pipe text (${(text2000.length / 1024).toFixed(0)} KB, ${tasksText} tasks read): median ${textRun.median.toFixed(0)} ms, p90 ${textRun.p90.toFixed(0)} ms — target < 1 s: ${textRun.p90 < 1000 ? "PASS" : "FAIL"}`,
  );

  const docx2000 = new Uint8Array(await tableProgrammeDocx(2000));
  const docxRun = await timeRuns(() => parseProgrammeFile({ bytes: docx2000, filename: "t.docx" }), 2, 10);
  const tasksDocx = (await parseProgrammeFile({ bytes: docx2000, filename: "t.docx" })).programme.tasks
    .length;
  log(
    `2,000-task table programme as .docx (${(docx2000.length / 1024).toFixed(0)} KB, ${tasksDocx} tasks read): median ${docxRun.median.toFixed(0)} ms, p90 ${docxRun.p90.toFixed(0)} ms — target < 1 s: ${docxRun.p90 < 1000 ? "PASS" : "FAIL"}`,
  );

  const runner = buildParserJs();
  const bigMedia = `${TMP.pathname}import-20mb-media.docx`;
  writeFileSync(bigMedia, await tableProgrammeDocx(2000, 19 * 2 ** 20));
  const bigText = `${TMP.pathname}import-text-heavy.docx`;
  writeFileSync(bigText, await tableProgrammeDocx(10_000));
  for (const [label, file] of [
    ["20 MB .docx (2,000-task table + 19 MB embedded image)", bigMedia],
    ["text-heavy .docx (10,000-task table)", bigText],
  ] as const) {
    const size = readFileSync(file).length;
    const out = execFileSync(process.execPath, ["--expose-gc", runner, file], { encoding: "utf8" });
    const m = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
    log(
      `${label}, ${(size / 2 ** 20).toFixed(1)} MB, child process: ${m.tasks} tasks in ${m.ms?.toFixed(0)} ms; max RSS ${m.maxRssMb?.toFixed(0)} MB (baseline after loading ${m.baselineRssMb?.toFixed(0)} MB), peak heap ${m.peakHeapMb?.toFixed(0)} MB — target < 200 MB: ${(m.maxRssMb ?? 999) < 200 ? "PASS" : "FAIL"}`,
    );
  }
  if (process.argv.includes("--append")) {
    const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" }).trim();
    const mem =
      sh("free", ["-h"])
        .split("\n")
        .find((l) => l.startsWith("Mem:")) ?? "";
    const machine = `nproc ${sh("nproc", [])} (${cpus()[0]?.model.trim()}), node ${process.version}`;
    appendFileSync(
      new URL("./RESULTS.md", import.meta.url),
      `\n## Programme import\n\n- Date: ${sh("date", [])}\n- Machine: ${machine}\n- free -h: \`${mem.replace(/\s+/g, " ")}\`\n${lines.join("\n")}\n`,
    );
  }
}

await main();
