/** Partner rows → API shapes. */

import type { z } from "zod";
import type {
  ContactSchema,
  PartnerKind,
  PartnerSchema,
  PartnerSummarySchema,
} from "../../shared/api/partners.js";
import type { ExchangeRow, PartnerListRow } from "./partners.repository.js";
import type { PartnerActivityTable, PartnerAgreementTable, PartnerContactTable } from "./partners.tables.js";

/** Labels of the kinds of partner, as the register and the reports name them. */
export const PARTNER_KIND_LABELS: Record<PartnerKind, { vi: string; en: string }> = {
  sister_city: { vi: "Địa phương đối tác, kết nghĩa", en: "Partner locality, sister city" },
  international_org: { vi: "Tổ chức quốc tế", en: "International organisation" },
  partner_media: { vi: "Cơ quan báo chí đối tác", en: "Partner media" },
  overseas_association: {
    vi: "Hội người Hải Phòng ở nước ngoài",
    en: "Association of people from the city abroad",
  },
  city_symbol: { vi: "Biểu tượng thành phố ở nước ngoài", en: "City symbol placed abroad" },
};

export const DIRECTION_LABELS = { outgoing: "Gửi đi", incoming: "Nhận về" } as const;
export const CHANNEL_LABELS = {
  email: "Thư điện tử",
  letter: "Công văn, thư",
  meeting: "Gặp trực tiếp",
  online: "Trực tuyến",
  other: "Khác",
} as const;

/** Whether an agreement is in force, close to its expiry (within `windowEnd`), past it, or has no term. */
export function agreementState(a: PartnerAgreementTable, today: string, windowEnd: string) {
  if (!a.expires_on) return "open_ended" as const;
  if (a.expires_on < today) return "expired" as const;
  if (a.expires_on <= windowEnd) return "expiring" as const;
  return "active" as const;
}

export function presentPartnerSummary(row: PartnerListRow): z.infer<typeof PartnerSummarySchema> {
  return {
    id: row.id,
    kind: row.kind as PartnerKind,
    country: row.country,
    nameVi: row.name_vi,
    nameOriginal: row.name_original,
    sinceDate: row.since_date,
    agreements: Number(row.agreement_count ?? 0),
    exchanges: Number(row.exchange_count ?? 0),
    lastExchangeOn: row.last_exchange_on ?? null,
    nextExpiryOn: row.next_expiry_on ?? null,
    updatedAt: row.updated_at,
  };
}

export const presentContact = (c: PartnerContactTable): z.infer<typeof ContactSchema> => ({
  id: c.id,
  name: c.name,
  role: c.role,
  email: c.email,
  phone: c.phone,
});

export function presentPartner(
  row: PartnerListRow,
  children: {
    contacts: PartnerContactTable[];
    agreements: PartnerAgreementTable[];
    activities: PartnerActivityTable[];
    exchanges: ExchangeRow[];
  },
  dates: { today: string; windowEnd: string },
): z.infer<typeof PartnerSchema> {
  return {
    ...presentPartnerSummary(row),
    description: row.description,
    createdAt: row.created_at,
    contacts: children.contacts.map(presentContact),
    agreementList: children.agreements.map((a) => ({
      id: a.id,
      title: a.title,
      signedOn: a.signed_on,
      expiresOn: a.expires_on,
      delegationId: a.delegation_id,
      note: a.note,
      state: agreementState(a, dates.today, dates.windowEnd),
    })),
    activities: children.activities.map((a) => ({
      id: a.id,
      occurredOn: a.occurred_on,
      title: a.title,
      description: a.description,
    })),
    exchangeList: children.exchanges.map((x) => ({
      id: x.id,
      exchangedOn: x.exchanged_on,
      direction: x.direction === "incoming" ? "incoming" : "outgoing",
      subject: x.subject,
      channel: x.channel as "email" | "letter" | "meeting" | "online" | "other",
      note: x.note,
      file: x.file_id && x.file_name ? { name: x.file_name, size: Number(x.file_size ?? 0) } : null,
    })),
  };
}
