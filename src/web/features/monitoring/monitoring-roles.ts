/** Who may do what in media monitoring; the server enforces the same rules (`platform/policy`). */
import type { Role } from "../../api/types";

/** Read items, stories, search and statistics (`monitoring.read`). */
export const MONITORING_READERS: Role[] = ["admin", "secretariat", "leader", "member"];
/** Manage sources, manual entries and label corrections (`monitoring.manage`). */
export const MONITORING_MANAGERS: Role[] = ["admin", "secretariat"];
/** See the case board and work cases (`monitoring.case`); members see only cases assigned to them. */
export const CASE_WORKERS: Role[] = ["admin", "secretariat", "member"];
/** Open, assign and assess cases. */
export const CASE_OPENERS: Role[] = ["admin", "secretariat"];
