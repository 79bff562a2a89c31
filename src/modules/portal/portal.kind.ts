/**
 * The portal as a register: its items attach to programme tasks as evidence, and reports count what
 * was published in the period, in how many languages, and how often it was read
 * ("đăng tải N tin, bài bằng M ngôn ngữ; X lượt xem").
 */

import { hoChiMinhDateOf } from "../follow-up/calendar/calendar.clock.js";
import type { RegisterEntrySummary, RegisterKind } from "../registers/register-kinds.js";
import { createPortalFiguresRepository, type PortalEntryRow } from "./portal-figures.repository.js";

const repository = createPortalFiguresRepository();

const KIND_NAMES: Record<string, string> = {
  article: "Tin, bài",
  page: "Trang giới thiệu",
  publication: "Ấn phẩm",
  video: "Video",
  infographic: "Infographic",
  album: "Album ảnh",
};

const kindName = (row: { kind: string; product_type: string | null }) =>
  KIND_NAMES[row.product_type ?? row.kind] ?? row.kind;

const summary = (row: PortalEntryRow): RegisterEntrySummary => ({
  id: row.id,
  title: row.title,
  date: row.first_published_at ? hoChiMinhDateOf(row.first_published_at) : null,
  path: `/portal?item=${encodeURIComponent(row.id)}`,
});

const number = (n: number) => n.toLocaleString("vi-VN");

export const portalRegisterKind: RegisterKind = {
  kind: "portal_item",
  label: { vi: "Tin, bài trên Cổng thông tin đối ngoại", en: "Portal articles and products" },

  async summaries(db, ids) {
    return new Map((await repository.byIds(db, ids)).map((r) => [r.id, summary(r)]));
  },

  async search(db, query, limit) {
    return (await repository.search(db, query, limit)).map(summary);
  },

  async figures(db, period) {
    const [texts, views] = await Promise.all([
      repository.publishedIn(db, period.from, period.to),
      repository.viewsIn(db, period.from, period.to),
    ]);
    const items = new Map<string, { row: (typeof texts)[number]; langs: Set<string> }>();
    for (const t of texts) {
      const entry = items.get(t.id) ?? { row: t, langs: new Set<string>() };
      entry.langs.add(t.lang);
      items.set(t.id, entry);
    }
    const languages = new Set(texts.map((t) => t.lang));
    const totalViews = [...views.values()].reduce((a, b) => a + b, 0);
    const sentences =
      items.size > 0 || totalViews > 0
        ? [
            `Trong kỳ, Cổng Thông tin đối ngoại đăng tải ${number(items.size)} tin, bài bằng ${number(languages.size)} ngôn ngữ; ${number(totalViews)} lượt xem.`,
          ]
        : [];
    return {
      kind: "portal_item",
      heading: "Cổng Thông tin đối ngoại",
      sentences,
      sheet: {
        name: "Cổng TTĐN",
        columns: [
          { header: "Tin, bài", width: 60 },
          { header: "Loại", width: 16 },
          { header: "Ngôn ngữ", width: 24 },
          { header: "Ngày đăng", width: 14 },
          { header: "Lượt xem trong kỳ", width: 16, numFmt: "#,##0" },
        ],
        rows: [...items.values()].map(({ row, langs }) => [
          row.title,
          kindName(row),
          [...langs].join(", "),
          row.first_published_at ? hoChiMinhDateOf(row.first_published_at) : "",
          views.get(row.id) ?? 0,
        ]),
      },
    };
  },
};
