/**
 * The reference programme (Hải Phòng, 02-CTr/BCĐ, 13/3/2024) imported as demo data, linked to the
 * committee seeded before it. "Đỗ Mạnh Hiếu" (task II.2) stays an unlinked near match of
 * "Đỗ Mạnh Hiến" for the reviewer: the import never merges names on its own.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Services } from "../../main.js";
import type { RequestContext } from "../../platform/context.js";

export const REFERENCE_PROGRAMME_FILE = "hai-phong-2024-02-CTr-BCD.txt";

/**
 * The data file sits beside this module in the source tree; the compiled build (dist/server/…)
 * does not copy it, so fall back to the source tree from there.
 */
export function referenceProgrammePath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.join(here, "data", REFERENCE_PROGRAMME_FILE),
    path.resolve(here, "..", "..", "..", "..", "src", "modules", "demo", "data", REFERENCE_PROGRAMME_FILE),
  ];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`demo programme not found: ${candidates.join(", ")}`);
  return found;
}

/** The context demo data is written in: the caller's actor, else the demo's system account (admin). */
export function demoContext(ctx: RequestContext): RequestContext {
  return {
    ...ctx,
    actor: ctx.actor ?? {
      userId: "demo",
      displayName: "Dữ liệu mẫu / demo data",
      roles: ["admin"],
      personId: null,
    },
  };
}

/** Imports the reference programme without review, as the demo's system account. */
export async function importDemoProgramme(services: Services, ctx: RequestContext) {
  const actingCtx = demoContext(ctx);
  const bytes = fs.readFileSync(referenceProgrammePath());
  return services.imports.importUnreviewed(actingCtx, { filename: REFERENCE_PROGRAMME_FILE, bytes });
}
