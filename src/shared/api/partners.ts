/**
 * Request and response shapes of the partners register API (đối tác, cộng đồng người Hải Phòng ở nước
 * ngoài): one source for the server's validation, the OpenAPI document and the web client's types.
 */
import { z } from "zod";
import { PageQuery, PageSchema, SearchText } from "./pagination.js";

export const PARTNER_KINDS = [
  "sister_city",
  "international_org",
  "partner_media",
  "overseas_association",
  "city_symbol",
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const EXCHANGE_DIRECTIONS = ["outgoing", "incoming"] as const;
export const EXCHANGE_CHANNELS = ["email", "letter", "meeting", "online", "other"] as const;

const Id = z.string().min(1).max(64);
const IsoDate = z.iso.date();
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const IdParams = z.object({ id: Id });
export const ItemParams = z.object({ id: Id, itemId: Id });

const PartnerFields = {
  kind: z.enum(PARTNER_KINDS),
  /** Country in Vietnamese ("Nhật Bản"). */
  country: z.string().trim().min(1).max(100),
  /** Vietnamese name. */
  nameVi: z.string().trim().min(1).max(300),
  /** Name in the original language. */
  nameOriginal: OptionalText(300),
  description: OptionalText(5000),
  /** When the relationship began (kết nghĩa, thiết lập quan hệ). */
  sinceDate: IsoDate.nullable().optional(),
};

export const CreatePartnerBody = z.strictObject(PartnerFields);
export type CreatePartnerBody = z.infer<typeof CreatePartnerBody>;
export const UpdatePartnerBody = z.strictObject({
  kind: PartnerFields.kind.optional(),
  country: PartnerFields.country.optional(),
  nameVi: PartnerFields.nameVi.optional(),
  nameOriginal: PartnerFields.nameOriginal,
  description: PartnerFields.description,
  sinceDate: PartnerFields.sinceDate,
});
export type UpdatePartnerBody = z.infer<typeof UpdatePartnerBody>;

export const PartnerListQuery = PageQuery.extend({
  q: SearchText,
  kind: z.enum(PARTNER_KINDS).optional(),
  country: z.string().trim().max(100).optional(),
});
export type PartnerListQuery = z.infer<typeof PartnerListQuery>;
export const PartnerExportQuery = PartnerListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("xlsx"),
});

export const ContactBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: OptionalText(200),
  email: z.email().max(200).nullable().optional(),
  phone: OptionalText(50),
});
export const AgreementBody = z.strictObject({
  title: z.string().trim().min(1).max(500),
  signedOn: IsoDate,
  /** Expiry date; none for an agreement without a term. */
  expiresOn: IsoDate.nullable().optional(),
  delegationId: Id.nullable().optional(),
  note: OptionalText(2000),
});
export type AgreementBody = z.infer<typeof AgreementBody>;
export const ActivityBody = z.strictObject({
  occurredOn: IsoDate,
  title: z.string().trim().min(1).max(500),
  description: OptionalText(5000),
});
/** One piece of information exchanged with the partner, either way. */
export const ExchangeBody = z.strictObject({
  exchangedOn: IsoDate,
  direction: z.enum(EXCHANGE_DIRECTIONS),
  subject: z.string().trim().min(1).max(500),
  channel: z.enum(EXCHANGE_CHANNELS),
  note: OptionalText(2000),
  /** Optional attachment: file name and bytes in base64. */
  file: z
    .strictObject({ filename: z.string().trim().min(1).max(255), contentBase64: z.string().min(1) })
    .optional(),
});
export type ExchangeBody = z.infer<typeof ExchangeBody>;

export const ContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export const AgreementSchema = z.object({
  id: z.string(),
  title: z.string(),
  signedOn: z.string(),
  expiresOn: z.string().nullable(),
  delegationId: z.string().nullable(),
  note: z.string().nullable(),
  /** `active`, `expiring` (within the reminder window), `expired` or `open_ended`. */
  state: z.enum(["active", "expiring", "expired", "open_ended"]),
});
export const ActivitySchema = z.object({
  id: z.string(),
  occurredOn: z.string(),
  title: z.string(),
  description: z.string().nullable(),
});
export const ExchangeSchema = z.object({
  id: z.string(),
  exchangedOn: z.string(),
  direction: z.enum(EXCHANGE_DIRECTIONS),
  subject: z.string(),
  channel: z.enum(EXCHANGE_CHANNELS),
  note: z.string().nullable(),
  file: z.object({ name: z.string(), size: z.number() }).nullable(),
});

export const PartnerSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(PARTNER_KINDS),
  country: z.string(),
  nameVi: z.string(),
  nameOriginal: z.string().nullable(),
  sinceDate: z.string().nullable(),
  agreements: z.number(),
  exchanges: z.number(),
  /** Latest exchange date, if any. */
  lastExchangeOn: z.string().nullable(),
  /** Earliest expiry date of its agreements still in force. */
  nextExpiryOn: z.string().nullable(),
  updatedAt: z.string(),
});
export const PartnerPageSchema = PageSchema(PartnerSummarySchema);

export const PartnerSchema = PartnerSummarySchema.extend({
  description: z.string().nullable(),
  createdAt: z.string(),
  contacts: z.array(ContactSchema),
  agreementList: z.array(AgreementSchema),
  activities: z.array(ActivitySchema),
  exchangeList: z.array(ExchangeSchema),
});

/** A workbook to import (first sheet; columns as in the export). */
export const ImportBody = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(20_000_000),
});
export const ImportResultSchema = z.object({ imported: z.number() });

export type Partner = z.infer<typeof PartnerSchema>;
export type PartnerSummary = z.infer<typeof PartnerSummarySchema>;
export type PartnerPage = z.infer<typeof PartnerPageSchema>;
export type PartnerAgreement = z.infer<typeof AgreementSchema>;
export type PartnerExchange = z.infer<typeof ExchangeSchema>;
