/**
 * `haidang monitor analyze FILE [--json]` analyses one article file without a database;
 * `haidang monitor parse-feed FILE [--json]` shows how a saved feed is read (charset, items, warnings);
 * `haidang monitor ingest URL|FILE` ingests one feed once into the configured database;
 * `haidang monitor own-channels [--url URL]` registers the portal's feeds as the city's own channels.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config/config.js";
import type { Services } from "../main.js";
import { monitoringServiceErrors } from "../modules/monitoring/monitoring.errors.js";
import { ensurePortalOwnChannels } from "../modules/monitoring/monitoring-own-channels.js";
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

/** Reads a saved feed as the fetcher would and prints what came out; writes nothing. */
async function parseFeedCommand(file: string, opts: { json: boolean; base?: string }) {
  const { parseFeedFile } = await import("../modules/monitoring/feeds/feed.file.js");
  const feed = await parseFeedFile(file, opts.base ? { baseUrl: opts.base } : {});
  if (opts.json) {
    const out = {
      format: feed.format,
      charset: feed.charset,
      meta: feed.meta,
      items: feed.items.map((item) => ({
        title: item.title,
        url: item.url,
        publishedAt: item.publishedAt ?? null,
        summary: item.summary ?? null,
        guid: item.guid,
        author: item.author ?? null,
        language: item.language ?? null,
        contentHtml: item.contentHtml ?? null,
      })),
      warnings: feed.warnings,
    };
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  console.log(`Định dạng / format: ${feed.format} (${feed.charset.charset}, ${feed.charset.source})`);
  console.log(`Tên nguồn / title: ${feed.meta.title || "—"}`);
  console.log(`Số mục / items: ${feed.items.length}`);
  for (const item of feed.items.slice(0, 20))
    console.log(`  - ${item.publishedAt ?? "—"}  ${item.title || "(không tiêu đề / untitled)"}  ${item.url}`);
  for (const w of feed.warnings) console.log(`Cảnh báo / warning: ${w.code}: ${w.message}`);
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

/** Registers (or re-flags) one own-channel source per portal language; prints what changed. */
export async function registerPortalFeeds(
  services: Services,
  publicUrl: string,
  languages: readonly string[],
) {
  const r = await ensurePortalOwnChannels(
    {
      db: services.db,
      sources: services.monitoring.sources,
      repository: services.monitoring.repositories.sources,
      audit: services.audit,
    },
    systemContext(),
    { publicUrl, languages },
  );
  for (const url of r.created) console.log(`Kênh của thành phố mới / own channel added: ${url}`);
  for (const url of r.flagged) console.log(`Đánh dấu kênh của thành phố / flagged as own channel: ${url}`);
  return r;
}

async function ownChannelsCommand(opts: { url?: string }) {
  const config = loadConfig();
  const url = opts.url ?? config.portal.publicUrl;
  if (!url)
    throw monitoringServiceErrors.sourceNeedsUrl({
      vi: "Chưa có địa chỉ công khai của Cổng (HAIDANG_PORTAL_URL hoặc --url)",
      en: "The portal's public address is not configured (HAIDANG_PORTAL_URL or --url)",
    });
  await withServices(async (services) => {
    const r = await registerPortalFeeds(services, url, config.portal.languages);
    if (r.created.length + r.flagged.length === 0)
      console.log("Các nguồn của Cổng đã có đủ / the portal's sources are up to date");
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
    .command("parse-feed <file>")
    .description(
      "đọc thử một feed đã lưu, không ghi gì / parse a saved feed as the fetcher would, writing nothing",
    )
    .option("--json", "in JSON / print JSON", false)
    .option("--base <url>", "địa chỉ gốc cho liên kết tương đối / base URL for relative links")
    .action((file: string, opts: { json: boolean; base?: string }) => parseFeedCommand(file, opts));
  monitor
    .command("ingest <target>")
    .description("thu thập một feed một lần / ingest one feed (URL or file) once")
    .action((target: string) => ingestCommand(target));
  monitor
    .command("own-channels")
    .description(
      "đăng ký RSS của Cổng (mỗi ngôn ngữ) làm kênh của thành phố / register the portal's feeds as the city's own channels",
    )
    .option(
      "--url <url>",
      "địa chỉ công khai của Cổng / the portal's public address (default HAIDANG_PORTAL_URL)",
    )
    .action((opts: { url?: string }) => ownChannelsCommand(opts));
}
