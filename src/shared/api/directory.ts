/**
 * Request and response shapes of the directory API (units, people, committees): one source for the
 * server's validation, its OpenAPI document and the web client's types (`z.infer`).
 */
import { z } from "zod";
import { PageQuery, SearchText, sortParam } from "./pagination.js";

export const UNIT_TYPES = [
  "party_body",
  "committee",
  "department",
  "district",
  "press",
  "armed_forces",
  "mass_organisation",
  "other",
] as const;
export const COMMITTEE_ROLES = ["head", "deputy_head", "member", "secretariat_member"] as const;

const Name = z.string().trim().min(1).max(300);
const ShortName = z.string().trim().max(100).nullable().optional();
const Id = z.string().min(1).max(64);
const IsoDate = z.iso.date();

export const IdParams = z.object({ id: Id });

export const UnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.enum(UNIT_TYPES),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UnitDto = z.infer<typeof UnitSchema>;

export const NameHistoryEntry = z.object({
  name: z.string(),
  shortName: z.string().nullable().optional(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  /** Display name of the account that made the change (null for imports and the system). */
  changedByName: z.string().nullable(),
});

export const CreateCommitteeBody = z.strictObject({
  name: Name,
  shortName: ShortName,
  unitId: Id.nullable().optional(),
});

export const UnitQuery = PageQuery.extend({
  q: SearchText,
  type: z.enum(UNIT_TYPES).optional(),
  isActive: z.enum(["true", "false"]).optional(),
  parentId: Id.optional(),
  sort: sortParam(["name", "type", "createdAt", "updatedAt"]),
});
export type UnitQuery = z.infer<typeof UnitQuery>;

export const CreateUnitBody = z.strictObject({
  name: Name,
  shortName: ShortName,
  type: z.enum(UNIT_TYPES),
  parentId: Id.nullable().optional(),
  isActive: z.boolean().optional(),
});
export const UpdateUnitBody = CreateUnitBody.partial();

export const PersonSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  honorific: z.string().nullable(),
  position: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  mergedIntoId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDto = z.infer<typeof PersonSchema>;

export const PersonQuery = PageQuery.extend({
  q: SearchText,
  unitId: Id.optional(),
  includeMerged: z.enum(["true", "false"]).optional(),
  sort: sortParam(["fullName", "createdAt", "updatedAt"]),
});
export type PersonQuery = z.infer<typeof PersonQuery>;

export const CreatePersonBody = z.strictObject({
  fullName: Name,
  honorific: z.string().trim().max(50).nullable().optional(),
  position: z.string().trim().max(300).nullable().optional(),
  unitId: Id.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z
    .string()
    .trim()
    .max(50)
    .regex(/^[0-9+().\s-]*$/)
    .nullable()
    .optional(),
  isActive: z.boolean().optional(),
});
export const UpdatePersonBody = CreatePersonBody.partial();

export const MergeBody = z.strictObject({ duplicateId: Id });

export const CommitteeSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
});

export const MemberSchema = z.object({
  id: z.string(),
  committeeId: z.string(),
  personId: z.string(),
  personName: z.string(),
  position: z.string().nullable(),
  unitName: z.string().nullable(),
  role: z.enum(COMMITTEE_ROLES),
  startDate: z.string(),
  endDate: z.string().nullable(),
});
export type MemberDto = z.infer<typeof MemberSchema>;

export const MemberQuery = z.object({ activeOn: IsoDate.optional() });

export const CreateMemberBody = z
  .strictObject({
    personId: Id,
    role: z.enum(COMMITTEE_ROLES),
    startDate: IsoDate,
    endDate: IsoDate.nullable().optional(),
  })
  .refine((b) => !b.endDate || b.endDate >= b.startDate, {
    path: ["endDate"],
    message: "endDate before startDate",
  });
export const UpdateMemberBody = z.strictObject({
  role: z.enum(COMMITTEE_ROLES).optional(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.nullable().optional(),
});

/** A unit with the names it had before. */
export const UnitDetailSchema = UnitSchema.extend({ nameHistory: z.array(NameHistoryEntry) });
/** A person with the names they had before. */
export const PersonDetailSchema = PersonSchema.extend({ nameHistory: z.array(NameHistoryEntry) });
export const CommitteeList = z.object({ items: z.array(CommitteeSchema) });
export const MemberList = z.object({ items: z.array(MemberSchema) });
