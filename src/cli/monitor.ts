/**
 * `haidang monitor analyze FILE [--json]` analyses one article file without a database;
 * `haidang monitor ingest URL|FILE` ingests one feed once into the configured database.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { monitoringServiceErrors } from "../modules/monitoring/monitoring.errors.js";
import { systemContext } from "../platform/context.js";
import { withServices } from "./with-services.js";

async function analyzeCommand(file: string, opts: { json: boolean }) {
  const { analyzeFile } = await import("../modules/monitoring/analysis/analyze-file.js");
  try {
    await fs.access(file);
  } catch (cause) {
    throw monitoringServiceErrors.fileUnreadable({
      cause,
      vi: `Không mở được tệp ${file}`,
      en: `Cannot open ${file}`,
    });
  }
  const a = await analyzeFile(file);
  const out = {
    language: a.language,
    mentionsCity: a.mentionsCity,
    mentions: a.mentions,
    topics: a.topics,
    tone: a.tone,
    flags: a.flags,
    why: a.why,
  };
  if (opts.json) {
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  console.log(`Ngôn ngữ / language: ${a.language} (${a.why.language})`);
  console.log(`Nhắc đến Hải Phòng / mentions the city: ${a.mentionsCity ? "có / yes" : "không / no"}`);
  for (const m of a.mentions) console.log(`  - ${m.alias}: "${m.text}" @${m.offset}`);
  console.log(`Chủ đề / topics: ${a.topics.map((t) => `${t.topic} (${t.score})`).join(", ") || "—"}`);
  console.log(`Sắc thái / tone: ${a.tone} (score ${a.why.tone.score})`);
  console.log(`Cờ / flags: ${a.flags.join(", ") || "—"}`);
}

async function ingestCommand(target: string) {
  await withServices(async (services) => {
    const { monitoring } = services;
    const ctx = {
      ...systemContext(),
      actor: { userId: "cli", displayName: "CLI", roles: ["admin" as const], personId: null },
    };
    const isUrl = /^https?:\/\//i.test(target);
    const url = isUrl ? target : `file://${path.resolve(target)}`;
    const repo = monitoring.repositories.sources;
    const existing = await repo.findByUrl(services.db, url);
    const source =
      existing ??
      (await services.db.transaction().execute((trx) =>
        monitoring.sources.insert(trx, ctx, {
          name: isUrl ? new URL(target).hostname : path.basename(target),
          url,
          format: isUrl ? "rss" : "manual",
          country: "VN",
          outletType: "domestic_press",
          pollMinutes: 60,
          isActive: isUrl,
          fetchPages: isUrl,
        }),
      ));
    if (isUrl) {
      const r = await monitoring.pipeline.pollSource(source.id);
      if (r.status === "error") {
        const after = await repo.find(services.db, source.id);
        throw new Error(`${r.errorCode}: ${after?.last_error_message ?? ""}`);
      }
      console.log(
        `${r.status}: ${r.entries} mục / entries, ${r.stored} mới / new, ${r.skipped} đã có / skipped`,
      );
      return;
    }
    let text: string;
    try {
      text = await fs.readFile(target, "utf8");
    } catch (cause) {
      throw monitoringServiceErrors.fileUnreadable({
        cause,
        vi: `Không mở được tệp ${target}`,
        en: `Cannot open ${target}`,
      });
    }
    const r = await monitoring.pipeline.ingestFeedText(source, text);
    console.log(
      `${r.format}: ${r.entries} mục / entries, ${r.stored} mới / new, ${r.skipped} đã có / skipped`,
    );
  });
}

export function registerMonitorCommands(program: Command) {
  const monitor = program.command("monitor").description("theo dõi thông tin / media monitoring");
  monitor
    .command("analyze <file>")
    .description("phân tích một bài (không cần CSDL) / analyse one article file (no database)")
    .option("--json", "in JSON / print JSON", false)
    .action((file: string, opts: { json: boolean }) => analyzeCommand(file, opts));
  monitor
    .command("ingest <target>")
    .description("thu thập một feed một lần / ingest one feed (URL or file) once")
    .action((target: string) => ingestCommand(target));
}
