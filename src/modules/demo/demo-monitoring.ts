/**
 * Demo media monitoring through the monitoring module's services: outlets (manual sources, never
 * polled), items entered as manual entries (analysed like any other), and two response cases on the
 * rumours, linked to specific task 14. The cases are dated in 2024, like the rest of the demo history.
 */
import type { Services } from "../../main.js";
import type { RequestContext } from "../../platform/context.js";
import { createCasesRepository } from "../monitoring/cases/cases.repository.js";
import { DEMO_CASES, DEMO_ITEMS, DEMO_SOURCES, type DemoSourceKey } from "./demo-monitoring-data.js";

const DAY = 86_400_000;

/** Outlets and items; resolves to the ids of the items response cases are opened on. */
export async function seedDemoMonitoringItems(
  services: Services,
  ctx: RequestContext,
): Promise<{ items: number; caseItems: Map<string, string> }> {
  const { monitoring } = services;
  const sourceIds = new Map<DemoSourceKey, string>();
  for (const s of DEMO_SOURCES) {
    const created = await monitoring.sources.create(ctx, {
      name: s.name,
      format: "manual",
      country: s.country,
      language: s.language,
      outletType: s.outletType,
      pollMinutes: 60,
      isActive: true,
      fetchPages: false,
    });
    sourceIds.set(s.key, created.id);
  }
  const caseItems = new Map<string, string>();
  const now = Date.now();
  let items = 0;
  for (const item of DEMO_ITEMS) {
    const publishedAt =
      item.publishedAt ?? new Date(now - (item.daysAgo ?? 0) * DAY - 3_600_000).toISOString();
    const stored = await monitoring.sources.addManualItem(ctx, {
      title: item.title,
      text: item.text,
      publishedAt,
      ...(item.source === "social"
        ? { platform: "facebook", author: item.author ?? "" }
        : { sourceId: sourceIds.get(item.source) }),
    });
    if (stored.id) {
      items++;
      if (item.caseKey) caseItems.set(item.caseKey, stored.id);
    }
  }
  return { items, caseItems };
}

/** The two response cases on the rumours, linked to task II.14 and assigned to the demo member. */
export async function seedDemoCases(
  services: Services,
  ctx: RequestContext,
  links: {
    caseItems: ReadonlyMap<string, string>;
    taskIds: ReadonlyMap<string, string>;
    assigneePersonId: string | null;
  },
): Promise<number> {
  const { monitoring, db } = services;
  const cases = createCasesRepository();
  let opened = 0;
  for (const [key, c] of Object.entries(DEMO_CASES)) {
    const itemId = links.caseItems.get(key);
    if (!itemId) continue;
    const created = await monitoring.cases.create(ctx, {
      itemId,
      title: c.title,
      assessment: c.assessment,
      taskId: links.taskIds.get(c.linkTask) ?? null,
      assigneePersonId: links.assigneePersonId,
    });
    const updated = await monitoring.cases.update(ctx, created.id, {
      version: created.version,
      state: c.closedAt ? "resolved" : "in_progress",
      actions: c.actions.map((a) => ({ ...a })),
      ...(c.outcome && { outcome: c.outcome }),
    });
    // The demo's history is 2024: the case is dated when it would have been opened and worked.
    await cases.update(db, created.id, updated.version, {
      created_at: c.openedAt,
      updated_at: c.closedAt ?? c.actions[c.actions.length - 1]?.at ?? c.openedAt,
      closed_at: c.closedAt ?? null,
    });
    opened++;
  }
  return opened;
}
