/**
 * `haidang programme parse FILE [--json]` reads a programme and prints it without touching the
 * database; `haidang programme import FILE` parses and commits without review (exact names link,
 * unknown names are created, near matches stay text and are listed).
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config/config.js";
import type { RequestContext } from "../platform/context.js";
import { systemContext } from "../platform/context.js";
import { defineError } from "../platform/errors.js";

const cliFileUnreadable = defineError({
  code: "import_file_not_found",
  status: 400,
  vi: "Không mở được tệp",
  en: "Cannot open the file",
});

/** The CLI acts as an administrator on behalf of whoever runs it on the server. */
const cliContext = (): RequestContext => ({
  ...systemContext(),
  actor: { userId: "cli", displayName: "CLI", roles: ["admin"], personId: null },
});

async function readInput(file: string): Promise<{ filename: string; bytes: Uint8Array }> {
  try {
    return { filename: path.basename(file), bytes: await fs.readFile(file) };
  } catch (err) {
    throw cliFileUnreadable({ cause: err, vi: `Không mở được tệp ${file}`, en: `Cannot open ${file}` });
  }
}

async function parseCommand(file: string, opts: { json: boolean }) {
  const config = loadConfig();
  const input = await readInput(file);
  const { parseSource } = await import("../modules/import/parse-source.js");
  const { parsed } = await parseSource({ ...input, maxBytes: config.uploadLimit });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(parsed, null, 2)}\n`);
    return;
  }
  const d = parsed.document;
  console.log(`${d.type ?? "?"} ${d.number ?? "?"} — ${d.date ?? "?"}: ${d.title ?? ""}`);
  console.log(
    `${parsed.sections.length} sections, ${parsed.tasks.length} tasks, ${parsed.citations.length} citations`,
  );
  for (const w of parsed.warnings) console.log(`! ${w.code}: ${w.message}`);
}

async function importCommand(file: string) {
  const input = await readInput(file);
  const { withServices } = await import("./with-services.js");
  await withServices(async (services) => {
    const result = await services.imports.importUnreviewed(cliContext(), input);
    for (const e of result.keptAsText) {
      const near = e.candidates.map((c) => c.name).join(", ");
      console.warn(`! ${e.status}: “${e.name}” kept as text${near ? ` (close to ${near})` : ""}`);
    }
    const p = result.programme;
    console.log(`Programme ${p.id} (${p.number ?? "?"}, version ${p.version})`);
    console.log(
      `${result.counts.tasks} tasks, ${result.counts.sections} sections, ${result.counts.parties} parties (${result.counts.linkedParties} linked), ${result.counts.citations} citations; created ${result.created.people} people, ${result.created.units} units`,
    );
  });
}

/** Registers `programme parse` and `programme import`. */
export function registerProgrammeCommands(program: Command) {
  const programme = program.command("programme").description("chương trình công tác / work programmes");
  programme
    .command("parse <file>")
    .description("đọc văn bản, không ghi gì / parse a programme and print it (writes nothing)")
    .option("--json", "in JSON theo hợp đồng / print the contract JSON", false)
    .action(parseCommand);
  programme
    .command("import <file>")
    .description("nhập không qua rà soát / parse and commit without review")
    .action(importCommand);
}
