/**
 * The delegations register: its service (built once in `main.ts`) and routes. Agreements signed during a
 * delegation go to the partners register (recorded once, audited) when the delegation is done.
 */
import type { RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import type { App } from "../../platform/http/types.js";
import { countryNameVi } from "../../shared/api/countries.js";
import type { AuditService } from "../audit/audit.service.js";
import { createPartnersRepository } from "../partners/partners.repository.js";
import { recordAgreement } from "../partners/partners.service.js";
import { createDelegationsRepository } from "./delegations.repository.js";
import { registerDelegationsRoutes } from "./delegations.routes.js";
import { createDelegationsService, type SignedAgreementHandOff } from "./delegations.service.js";

export function createDelegationsModule(deps: { db: Db; audit: AuditService }) {
  const partners = createPartnersRepository();
  const recordAgreements = async (trx: DbOrTrx, ctx: RequestContext, list: SignedAgreementHandOff[]) => {
    for (const a of list)
      await recordAgreement(
        trx,
        {
          country: countryNameVi(a.countryCode),
          partnerName: a.partner,
          title: a.title,
          signedOn: a.date,
          delegationId: a.delegationId,
        },
        { audit: deps.audit, ctx, partners },
      );
  };
  return {
    delegations: createDelegationsService({
      db: deps.db,
      delegations: createDelegationsRepository(),
      audit: deps.audit,
      recordAgreements,
    }),
  };
}

export function registerDelegationsModuleRoutes(
  app: App,
  module: ReturnType<typeof createDelegationsModule>,
) {
  registerDelegationsRoutes(app, { delegations: module.delegations });
}
