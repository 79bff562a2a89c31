/**
 * Bench: building report documents (.docx, .xlsx annex) and converting to PDF with LibreOffice.
 * Writes samples to bench/tmp/ for a visual check and appends timings to bench/RESULTS.md.
 *
 *   node --import ./scripts/ts-loader.mjs bench/reports-docx.ts
 */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { buildTaskAnnexXlsx } from "../src/modules/reports/docx/annex.xlsx.js";
import { convertDocxToPdf, isPdfConversionAvailable } from "../src/modules/reports/docx/convert-pdf.js";
import { buildReportDocx } from "../src/modules/reports/docx/report.docx.js";
import { sampleSemiannualReport, sampleUrgingNotice } from "../src/modules/reports/docx/report.sample.js";
import { buildUrgingNoticeDocx } from "../src/modules/reports/docx/urging-notice.docx.js";

async function time<T>(fn: () => Promise<T>, runs: number): Promise<{ median: number; value: T }> {
  let value = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)] as number, value };
}

const out = new URL("./tmp/", import.meta.url);
mkdirSync(out, { recursive: true });
const model = sampleSemiannualReport();
const report = await time(() => buildReportDocx(model), 20);
const urging = await time(() => buildUrgingNoticeDocx(sampleUrgingNotice()), 20);
const annexTasks = Array.from({ length: 500 }, (_, i) => ({
  ref: `II.${i + 1}`,
  text: "Tăng cường thông tin đối ngoại về các hoạt động hòa bình, đoàn kết, hữu nghị nhân dân của thành phố.",
  directing: ["Hoàng Minh Cường"],
  leads: ["Vũ Văn Trà"],
  coordinators: ["các thành viên Ban Chỉ đạo"],
  timeframe: "Trong năm 2024",
  status: "in_progress_on_time" as const,
  evidence: ["Bài viết trên Báo Hải Phòng"],
}));
const annex = await time(() => buildTaskAnnexXlsx({ titleLines: ["PHỤ LỤC"], tasks: annexTasks }), 5);
writeFileSync(new URL("bao-cao-so-ket.docx", out), report.value);
writeFileSync(new URL("cong-van-don-doc.docx", out), urging.value);
writeFileSync(new URL("phu-luc.xlsx", out), annex.value);

const lines = [
  "",
  "## Reports — Word, Excel and PDF",
  "",
  `- Date: ${new Date().toISOString()}, node ${process.version}`,
];
lines.push(
  `- Party semi-annual report .docx (${report.value.length} bytes): median ${report.median.toFixed(1)} ms (20 runs)`,
);
lines.push(`- Urging notice .docx: median ${urging.median.toFixed(1)} ms (20 runs)`);
lines.push(
  `- Task annex .xlsx, 500 tasks (${annex.value.length} bytes): median ${annex.median.toFixed(1)} ms (5 runs)`,
);
if (await isPdfConversionAvailable()) {
  const pdf = await time(() => convertDocxToPdf(report.value), 3);
  writeFileSync(new URL("bao-cao-so-ket.pdf", out), pdf.value);
  lines.push(
    `- LibreOffice .docx → PDF (fresh profile each call): median ${pdf.median.toFixed(0)} ms (3 runs)`,
  );
} else {
  lines.push("- LibreOffice not installed: PDF conversion not measured");
}
const text = lines.join("\n");
console.log(text);
appendFileSync(new URL("./RESULTS.md", import.meta.url), `${text}\n`);
