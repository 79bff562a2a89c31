/** Who may do what in follow-up; the server enforces the same rules (`platform/policy`). */
import type { Role } from "../../api/types";

/** Write and submit check-ins (members for their own tasks). */
export const CHECK_IN_REPORTERS: Role[] = ["member", "secretariat", "admin", "leader"];
/** Confirm, return and reopen check-ins; record due dates. */
export const CHECK_IN_CONFIRMERS: Role[] = ["secretariat", "admin"];
/** Comment and direct on tasks. */
export const DIRECTION_GIVERS: Role[] = ["leader", "secretariat", "admin"];
/** See dashboards and reports. */
export const REPORT_READERS: Role[] = ["leader", "secretariat", "admin"];
/** Draft reports and urging notices. */
export const REPORT_MANAGERS: Role[] = ["secretariat", "admin"];
