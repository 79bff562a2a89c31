/**
 * The registers core: links of register entries to tasks, and the registers' part of reports. Each
 * register module (delegations, press visits, partners…) passes its `RegisterKind` through `main.ts`.
 */
import type { Db } from "../../platform/db/database.js";
import type { AuditService } from "../audit/audit.service.js";
import type { RegisterKind } from "./register-kinds.js";
import { createRegistersRepository } from "./registers.repository.js";
import { createRegistersService } from "./registers.service.js";

export function createRegistersModule(deps: { db: Db; audit: AuditService; kinds: readonly RegisterKind[] }) {
  return createRegistersService({
    db: deps.db,
    links: createRegistersRepository(),
    audit: deps.audit,
    kinds: deps.kinds,
  });
}
