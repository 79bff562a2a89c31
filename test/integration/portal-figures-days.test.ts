/**
 * A report period is made of days in Viet Nam: a text first published at 00:30 on 01/07 there (17:30 UTC
 * on 30/06, as stored) belongs to the second half-year, not the first, and its views of that day count with it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortalFiguresRepository } from "../../src/modules/portal/portal-figures.repository.js";
import type { Db } from "../../src/platform/db/database.js";
import { dialects, openMigratedTestDatabase } from "../support/db.js";
import { portalItemRow, portalTextRow } from "../support/portal-rows.js";

describe.each(dialects())("portal figures by Vietnamese day on %s", (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  const figures = createPortalFiguresRepository();
  const lastSecondOfJune = portalItemRow("2024-06-30T16:59:59.999Z");
  const firstMinutesOfJuly = portalItemRow("2024-06-30T17:30:00.000Z");

  beforeAll(async () => {
    ({ db, close } = await openMigratedTestDatabase(dialect));
    for (const item of [lastSecondOfJune, firstMinutesOfJuly]) {
      await db.insertInto("portal_items").values(item).execute();
      await db
        .insertInto("portal_localizations")
        .values(portalTextRow(item.id, "vi", item.created_at))
        .execute();
    }
    await db
      .insertInto("portal_views")
      .values({
        item_id: firstMinutesOfJuly.id,
        lang: "vi",
        day: "2024-07-01",
        referrer_domain: "",
        views: 3,
      })
      .execute();
  });
  afterAll(async () => {
    await close?.();
  });

  it("counts a text in the half-year of its Vietnamese publication day", async () => {
    const first = await figures.publishedIn(db, "2024-01-01", "2024-06-30");
    expect(first.map((r) => r.id)).toEqual([lastSecondOfJune.id]);
    const second = await figures.publishedIn(db, "2024-07-01", "2024-12-31");
    expect(second.map((r) => r.id)).toEqual([firstMinutesOfJuly.id]);
    expect((await figures.viewsIn(db, "2024-07-01", "2024-12-31")).get(firstMinutesOfJuly.id)).toBe(3);
    expect((await figures.viewsIn(db, "2024-01-01", "2024-06-30")).size).toBe(0);
  });
});
