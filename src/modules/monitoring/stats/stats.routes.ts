/** Coverage statistics, report figures, top outlets and stories, XLSX export. */

import type { App } from "../../../platform/http/types.js";
import {
  CoverageFiguresSchema,
  CoverageQuery,
  CoverageSchema,
  RangeQuery,
  TopQuery,
  TopSchema,
} from "../../../shared/api/monitoring-stats.js";
import type { StatsService } from "./stats.service.js";

const read = { policy: "monitoring.read" } as const;
const tags = ["monitoring"];
export function registerStatsRoutes(app: App, stats: StatsService) {
  app.get(
    "/api/monitoring/stats/coverage",
    {
      config: read,
      schema: {
        operationId: "getCoverageStats",
        tags,
        summary: "Thống kê tin bài / Coverage",
        querystring: CoverageQuery,
        response: { 200: CoverageSchema },
      },
    },
    async (req) => stats.coverage(req.ctx, req.query),
  );
  app.get(
    "/api/monitoring/stats/figures",
    {
      config: read,
      schema: {
        operationId: "getReportFigures",
        tags,
        summary: "Số liệu cho báo cáo / Report figures",
        querystring: RangeQuery,
        response: { 200: CoverageFiguresSchema },
      },
    },
    async (req) => stats.figures(req.ctx, req.query.from, req.query.to),
  );
  app.get(
    "/api/monitoring/stats/top",
    {
      config: read,
      schema: {
        operationId: "getTopOutletsAndStories",
        tags,
        summary: "Nguồn và sự kiện hàng đầu / Top outlets and stories",
        querystring: TopQuery,
        response: { 200: TopSchema },
      },
    },
    async (req) => stats.top(req.ctx, req.query.from, req.query.to, req.query.limit),
  );
  app.get(
    "/api/monitoring/stats/export.xlsx",
    {
      config: read,
      schema: {
        operationId: "exportStatsXlsx",
        tags,
        summary: "Xuất Excel / XLSX export",
        querystring: CoverageQuery,
      },
    },
    async (req, reply) => {
      const buffer = await stats.exportXlsx(req.ctx, {
        from: req.query.from,
        to: req.query.to,
        granularity: req.query.granularity,
      });
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="thong-ke-tin-bai-${req.query.from}-${req.query.to}.xlsx"`,
        )
        .send(buffer);
    },
  );
}
