/**
 * Request and response shapes of the delegations register (đoàn ra, đoàn vào): one source for the
 * server's validation, the OpenAPI document and the web client's types.
 */
import { z } from "zod";
import { PageQuery, SearchText } from "./pagination.js";

export const DELEGATION_CHANNELS = ["party", "government", "people"] as const;
export const DELEGATION_DIRECTIONS = ["outbound", "inbound"] as const;
export const DELEGATION_STATUSES = ["proposed", "approved", "in_progress", "done", "cancelled"] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

/** Allowed status changes: forward one step, or cancelled before the delegation is done. */
export const DELEGATION_TRANSITIONS: Readonly<Record<DelegationStatus, readonly DelegationStatus[]>> = {
  proposed: ["approved", "cancelled"],
  approved: ["in_progress", "cancelled"],
  in_progress: ["done", "cancelled"],
  done: [],
  cancelled: [],
};

const Id = z.string().min(1).max(64);
const IsoDate = z.iso.date();
const ShortText = z.string().trim().min(1).max(300);
const OptionalText = z.string().trim().max(300).nullable().optional();

export const IdParams = z.object({ id: Id });

/** A person of the directory (`personId`) or an outside guest (name only). */
export const DelegationPerson = z.strictObject({
  personId: Id.nullable().optional(),
  name: ShortText,
  /** Position as written in the delegation's list ("Phó Chủ tịch UBND thành phố"). */
  title: z.string().trim().max(300).nullable().optional(),
});

/** How the delegation is communicated: what, in which languages, by which unit. */
export const InformationPlan = z.strictObject({
  pressRelease: z.boolean().default(false),
  photos: z.boolean().default(false),
  interviews: z.boolean().default(false),
  /** Language tags ("vi", "en", "ja"). */
  languages: z.array(z.string().trim().min(2).max(10)).max(10).default([]),
  responsibleUnitId: Id.nullable().optional(),
});

/** An agreement signed during the delegation (handed to the partners register). */
export const SignedAgreement = z.strictObject({
  title: ShortText,
  date: IsoDate,
  partner: ShortText,
});

const DelegationFields = {
  title: ShortText,
  channel: z.enum(DELEGATION_CHANNELS),
  direction: z.enum(DELEGATION_DIRECTIONS),
  /** ISO 3166-1 alpha-2, upper case ("JP"). */
  countryCode: z.string().trim().toUpperCase().length(2),
  /** Partner locality or organisation ("Thành phố Kobe"). */
  partner: OptionalText,
  /** Level of the delegation ("Lãnh đạo thành phố", "cấp Sở"). */
  level: OptionalText,
  head: DelegationPerson.nullable().optional(),
  members: z.array(DelegationPerson).max(200).default([]),
  startDate: IsoDate,
  endDate: IsoDate,
  /** Itinerary, one line per stop or day. */
  itinerary: z.array(z.string().trim().min(1).max(500)).max(100).default([]),
  informationPlan: InformationPlan.default({
    pressRelease: false,
    photos: false,
    interviews: false,
    languages: [],
  }),
  authorisation: z
    .strictObject({ number: ShortText, date: IsoDate, issuer: ShortText })
    .nullable()
    .optional(),
  agreements: z.array(SignedAgreement).max(50).default([]),
};

export const CreateDelegationBody = z.strictObject(DelegationFields);
export type CreateDelegationBody = z.infer<typeof CreateDelegationBody>;

export const UpdateDelegationBody = z.strictObject({
  title: DelegationFields.title.optional(),
  channel: DelegationFields.channel.optional(),
  direction: DelegationFields.direction.optional(),
  countryCode: DelegationFields.countryCode.optional(),
  partner: DelegationFields.partner,
  level: DelegationFields.level,
  head: DelegationFields.head,
  members: z.array(DelegationPerson).max(200).optional(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  itinerary: z.array(z.string().trim().min(1).max(500)).max(100).optional(),
  informationPlan: InformationPlan.optional(),
  authorisation: DelegationFields.authorisation,
  agreements: z.array(SignedAgreement).max(50).optional(),
});
export type UpdateDelegationBody = z.infer<typeof UpdateDelegationBody>;

export const DelegationStatusBody = z.strictObject({ status: z.enum(DELEGATION_STATUSES) });

export const DelegationListQuery = PageQuery.extend({
  q: SearchText,
  status: z.enum(DELEGATION_STATUSES).optional(),
  direction: z.enum(DELEGATION_DIRECTIONS).optional(),
  channel: z.enum(DELEGATION_CHANNELS).optional(),
  country: z.string().trim().toUpperCase().length(2).optional(),
  year: z.coerce.number().int().min(1900).max(2199).optional(),
});
export type DelegationListQuery = z.infer<typeof DelegationListQuery>;

export const DelegationExportQuery = DelegationListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("xlsx"),
});

const PersonSchema = z.object({
  personId: z.string().nullable(),
  name: z.string(),
  title: z.string().nullable(),
});

export const DelegationSchema = z.object({
  id: z.string(),
  title: z.string(),
  channel: z.enum(DELEGATION_CHANNELS),
  direction: z.enum(DELEGATION_DIRECTIONS),
  countryCode: z.string(),
  /** "Nhật Bản". */
  countryName: z.string(),
  partner: z.string().nullable(),
  level: z.string().nullable(),
  head: PersonSchema.nullable(),
  members: z.array(PersonSchema),
  startDate: z.string(),
  endDate: z.string(),
  itinerary: z.array(z.string()),
  informationPlan: z.object({
    pressRelease: z.boolean(),
    photos: z.boolean(),
    interviews: z.boolean(),
    languages: z.array(z.string()),
    responsibleUnitId: z.string().nullable(),
    responsibleUnitName: z.string().nullable(),
  }),
  authorisation: z.object({ number: z.string(), date: z.string(), issuer: z.string() }).nullable(),
  status: z.enum(DELEGATION_STATUSES),
  /** Statuses the delegation may move to next. */
  nextStatuses: z.array(z.enum(DELEGATION_STATUSES)),
  agreements: z.array(z.object({ title: z.string(), date: z.string(), partner: z.string() })),
  /** Whether the caller may edit it (secretariat, or a lead of its responsible unit). */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DelegationDto = z.infer<typeof DelegationSchema>;

export const DelegationListItemSchema = DelegationSchema.pick({
  id: true,
  title: true,
  channel: true,
  direction: true,
  countryCode: true,
  countryName: true,
  partner: true,
  startDate: true,
  endDate: true,
  status: true,
}).extend({ memberCount: z.number(), coverageCount: z.number() });
export type DelegationListItem = z.infer<typeof DelegationListItemSchema>;

export const DelegationPageSchema = z.object({
  items: z.array(DelegationListItemSchema),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});

/** A monitoring item proposed or decided as a register entry's coverage. */
export const CoverageItemSchema = z.object({
  itemId: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  sourceName: z.string(),
  publishedDay: z.string(),
  /** null while proposed. */
  decision: z.enum(["confirmed", "rejected"]).nullable(),
  decidedAt: z.string().nullable(),
});
export type CoverageItem = z.infer<typeof CoverageItemSchema>;

export const CoverageSchema = z.object({
  confirmed: z.array(CoverageItemSchema),
  proposed: z.array(CoverageItemSchema),
  rejected: z.array(CoverageItemSchema),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const CoverageDecisionBody = z.strictObject({
  itemId: Id,
  decision: z.enum(["confirmed", "rejected"]),
});

/** An XLSX workbook to import (the export's columns), base64-encoded. */
export const RegisterImportBody = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(20_000_000),
});
export const RegisterImportResultSchema = z.object({ imported: z.number() });
