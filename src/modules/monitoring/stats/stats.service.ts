/** Statistics endpoints: coverage series, top outlets, top stories, XLSX export. */
import type { RequestContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import { addTable, loadExcel } from "../../../platform/export/index.js";
import { assertCan } from "../../../platform/policy/policy.js";
import { coverageFigures, coverageSeries, type Dimension, type Granularity } from "./coverage.js";
import type { StatsRepository } from "./stats.repository.js";

export interface StatsRange {
  from: string;
  to: string;
  granularity: Granularity;
  dimension: Dimension;
}

export function createStatsService(deps: { db: Db; stats: StatsRepository }) {
  const { db, stats } = deps;
  return {
    async coverage(ctx: RequestContext, range: StatsRange) {
      assertCan(ctx.actor, "monitoring.read");
      return { ...range, rows: await coverageSeries(stats, db, range) };
    },
    async figures(ctx: RequestContext, from: string, to: string) {
      assertCan(ctx.actor, "monitoring.read");
      return coverageFigures(db, from, to);
    },
    async top(ctx: RequestContext, from: string, to: string, limit: number) {
      assertCan(ctx.actor, "monitoring.read");
      const [outlets, stories] = await Promise.all([
        stats.topOutlets(db, from, to, limit),
        stats.topStories(db, from, to, limit),
      ]);
      return { outlets, stories };
    },
    /** Workbook: coverage by each dimension, top outlets, top stories. */
    async exportXlsx(ctx: RequestContext, range: Omit<StatsRange, "dimension">): Promise<Buffer> {
      assertCan(ctx.actor, "monitoring.read");
      const { Workbook } = await loadExcel();
      const wb = new Workbook();
      wb.creator = "Hải Đăng";
      const title = `Thống kê tin bài ${range.from} – ${range.to}`;
      const dims: [Dimension, string][] = [
        ["language", "Ngôn ngữ"],
        ["country", "Quốc gia"],
        ["outletType", "Loại nguồn"],
        ["topic", "Chủ đề"],
        ["tone", "Sắc thái"],
      ];
      for (const [dimension, label] of dims) {
        const rows = await coverageSeries(stats, db, { ...range, dimension });
        addTable(
          wb.addWorksheet(label),
          rows,
          [
            { header: "Kỳ / Period", value: (r) => r.period, width: 14 },
            { header: `${label}`, value: (r) => r.key, width: 22 },
            { header: "Số tin / Items", value: (r) => r.count, width: 12 },
          ],
          [title],
        );
      }
      const { outlets, stories } = await this.top(ctx, range.from, range.to, 50);
      addTable(
        wb.addWorksheet("Nguồn hàng đầu"),
        outlets,
        [
          { header: "Nguồn / Outlet", value: (r) => r.name, width: 40 },
          { header: "Loại / Type", value: (r) => r.outlet_type, width: 18 },
          { header: "Quốc gia", value: (r) => r.country, width: 10 },
          { header: "Số tin", value: (r) => r.n, width: 10 },
          { header: "Tiêu cực", value: (r) => r.negative, width: 10 },
        ],
        [title],
      );
      addTable(
        wb.addWorksheet("Sự kiện nổi bật"),
        stories,
        [
          { header: "Sự kiện / Story", value: (r) => r.title, width: 60 },
          { header: "Số tin", value: (r) => r.n, width: 10 },
          { header: "Số nguồn", value: (r) => r.outlets, width: 10 },
        ],
        [title],
      );
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
