/** Delegation rows → API shapes. */

import { countryNameVi } from "../../shared/api/countries.js";
import {
  DELEGATION_TRANSITIONS,
  type DelegationDto,
  type DelegationListItem,
  type DelegationStatus,
} from "../../shared/api/delegations.js";
import type { DelegationListRow, DelegationRow } from "./delegations.repository.js";

interface StoredPerson {
  personId?: string | null;
  name: string;
  title?: string | null;
}
interface StoredPlan {
  pressRelease: boolean;
  photos: boolean;
  interviews: boolean;
  languages: string[];
}

const person = (p: StoredPerson) => ({ personId: p.personId ?? null, name: p.name, title: p.title ?? null });
const parse = <T>(json: string, fallback: T): T => {
  const value = JSON.parse(json) as T | null;
  return value ?? fallback;
};

export function presentDelegation(row: DelegationRow, options: { canEdit: boolean }): DelegationDto {
  const head = parse<StoredPerson | null>(row.head_json, null);
  const plan = parse<StoredPlan>(row.info_plan_json, {
    pressRelease: false,
    photos: false,
    interviews: false,
    languages: [],
  });
  const status = row.status as DelegationStatus;
  return {
    id: row.id,
    title: row.title,
    channel: row.channel as DelegationDto["channel"],
    direction: row.direction as DelegationDto["direction"],
    countryCode: row.country_code,
    countryName: countryNameVi(row.country_code),
    partner: row.partner,
    level: row.level,
    head: head ? person(head) : null,
    members: parse<StoredPerson[]>(row.members_json, []).map(person),
    startDate: row.start_date,
    endDate: row.end_date,
    itinerary: parse<string[]>(row.itinerary_json, []),
    informationPlan: {
      pressRelease: plan.pressRelease,
      photos: plan.photos,
      interviews: plan.interviews,
      languages: plan.languages,
      responsibleUnitId: row.responsible_unit_id,
      responsibleUnitName: row.unit_name,
    },
    authorisation:
      row.auth_number && row.auth_date && row.auth_issuer
        ? { number: row.auth_number, date: row.auth_date, issuer: row.auth_issuer }
        : null,
    status,
    nextStatuses: [...(DELEGATION_TRANSITIONS[status] ?? [])],
    agreements: parse<{ title: string; date: string; partner: string }[]>(row.agreements_json, []),
    canEdit: options.canEdit,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit journal keeps of a delegation (not the caller-dependent `canEdit`). */
export function delegationSnapshot(row: DelegationRow) {
  const { canEdit: _c, nextStatuses: _n, ...rest } = presentDelegation(row, { canEdit: false });
  return rest;
}

export function presentDelegationListItem(row: DelegationListRow): DelegationListItem {
  const members = parse<unknown[]>(row.members_json, []).length;
  const head = parse<StoredPerson | null>(row.head_json, null);
  return {
    id: row.id,
    title: row.title,
    channel: row.channel as DelegationListItem["channel"],
    direction: row.direction as DelegationListItem["direction"],
    countryCode: row.country_code,
    countryName: countryNameVi(row.country_code),
    partner: row.partner,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status as DelegationStatus,
    memberCount: members + (head ? 1 : 0),
    coverageCount: Number(row.coverage_count ?? 0),
  };
}
