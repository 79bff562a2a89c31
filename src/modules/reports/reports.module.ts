/**
 * Builds the reports service with what it reads: the programme's follow-up data and, when media
 * monitoring is installed, the monitoring figures of a report's period. `main.ts` wires it in.
 */
import type { Db } from "../../platform/db/database.js";
import type { AuditService } from "../audit/audit.service.js";
import { createCheckInsRepository } from "../follow-up/check-ins.repository.js";
import type { FollowUpData } from "../follow-up/follow-up.data.js";
import { createFollowUpRepository } from "../follow-up/follow-up.repository.js";
import type { MonitoringReportFigures } from "../monitoring/stats/report-figures.js";
import type { ReportRegisters } from "../registers/registers.service.js";
import { createReportsRepository } from "./reports.repository.js";
import { createReportsService } from "./reports.service.js";

export function createReportsModule(deps: {
  db: Db;
  audit: AuditService;
  data: FollowUpData;
  monitoringFigures?: (from: string, to: string) => Promise<MonitoringReportFigures>;
  registerFigures?: (
    period: { from: string; to: string },
    taskIds: readonly string[],
    options?: { figures?: boolean },
  ) => Promise<ReportRegisters>;
}) {
  return createReportsService({
    db: deps.db,
    reports: createReportsRepository(),
    data: deps.data,
    followUp: createFollowUpRepository(),
    checkIns: createCheckInsRepository(),
    audit: deps.audit,
    ...(deps.monitoringFigures && { monitoringFigures: deps.monitoringFigures }),
    ...(deps.registerFigures && { registerFigures: deps.registerFigures }),
  });
}
