/** Tables of the partners register (đối tác, cộng đồng người Hải Phòng ở nước ngoài). */

export interface PartnerTable {
  id: string;
  /** sister_city | international_org | partner_media | overseas_association | city_symbol */
  kind: string;
  /** Country in Vietnamese ("Nhật Bản"). */
  country: string;
  /** Vietnamese name ("Thành phố Kitakyushu"). */
  name_vi: string;
  /** Name in the original language ("北九州市"). */
  name_original: string | null;
  description: string | null;
  /** When the relationship began (kết nghĩa, thiết lập quan hệ), `YYYY-MM-DD`. */
  since_date: string | null;
  /** Folded names, country and description for accent-insensitive search. */
  folded_text: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PartnerContactTable {
  id: string;
  partner_id: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  created_at: string;
}

export interface PartnerAgreementTable {
  id: string;
  partner_id: string;
  title: string;
  signed_on: string;
  expires_on: string | null;
  /** The delegation during which it was signed (H6's delegations register). */
  delegation_id: string | null;
  note: string | null;
  /** Expiry date a renewal reminder was sent for. */
  reminded_for: string | null;
  created_at: string;
}

export interface PartnerActivityTable {
  id: string;
  partner_id: string;
  occurred_on: string;
  title: string;
  description: string | null;
  created_at: string;
}

export interface PartnerExchangeTable {
  id: string;
  partner_id: string;
  exchanged_on: string;
  /** `outgoing` (gửi đi) or `incoming` (nhận về). */
  direction: string;
  subject: string;
  /** email | letter | meeting | online | other */
  channel: string;
  note: string | null;
  file_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface PartnerTables {
  partners: PartnerTable;
  partner_contacts: PartnerContactTable;
  partner_agreements: PartnerAgreementTable;
  partner_activities: PartnerActivityTable;
  partner_exchanges: PartnerExchangeTable;
}
