import type { CommitteeTable } from "../../platform/db/schema.js";
import type { MemberRow, PersonRow, UnitRow } from "./directory.repository.js";
import type { COMMITTEE_ROLES, MemberDto, PersonDto, UNIT_TYPES, UnitDto } from "./directory.schemas.js";

export function presentUnit(u: UnitRow): UnitDto {
  return {
    id: u.id,
    name: u.name,
    shortName: u.short_name,
    type: u.type as (typeof UNIT_TYPES)[number],
    parentId: u.parent_id,
    parentName: u.parent_name,
    isActive: u.is_active === 1,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
  };
}

export function presentPerson(p: PersonRow): PersonDto {
  return {
    id: p.id,
    fullName: p.full_name,
    honorific: p.honorific,
    position: p.position,
    unitId: p.unit_id,
    unitName: p.unit_name,
    email: p.email,
    phone: p.phone,
    isActive: p.is_active === 1,
    mergedIntoId: p.merged_into_id,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export function presentMember(m: MemberRow): MemberDto {
  return {
    id: m.id,
    committeeId: m.committee_id,
    personId: m.person_id,
    personName: m.person_name,
    position: m.position,
    unitName: m.unit_name,
    role: m.role as (typeof COMMITTEE_ROLES)[number],
    startDate: m.start_date,
    endDate: m.end_date,
  };
}

export const presentCommittee = (c: CommitteeTable) => ({ id: c.id, name: c.name, shortName: c.short_name });
