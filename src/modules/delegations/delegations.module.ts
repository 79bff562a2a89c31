/** The delegations register: its service (built once in `main.ts`) and routes. */
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import type { App } from "../../platform/http/types.js";
import type { AuditService } from "../audit/audit.service.js";
import { createDelegationsRepository } from "./delegations.repository.js";
import { registerDelegationsRoutes } from "./delegations.routes.js";
import { createDelegationsService, type SignedAgreementHandOff } from "./delegations.service.js";

export function createDelegationsModule(deps: {
  db: Db;
  audit: AuditService;
  /** Hands signed agreements to the partners register. */
  recordAgreements?: (trx: DbOrTrx, agreements: SignedAgreementHandOff[]) => Promise<void>;
}) {
  return {
    delegations: createDelegationsService({
      db: deps.db,
      delegations: createDelegationsRepository(),
      audit: deps.audit,
      ...(deps.recordAgreements && { recordAgreements: deps.recordAgreements }),
    }),
  };
}

export function registerDelegationsModuleRoutes(
  app: App,
  module: ReturnType<typeof createDelegationsModule>,
) {
  registerDelegationsRoutes(app, { delegations: module.delegations });
}
