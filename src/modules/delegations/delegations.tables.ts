/** Tables of the delegations register (đoàn ra, đoàn vào) and its confirmed coverage. */

export interface DelegationTable {
  id: string;
  title: string;
  /** Folded title, partner and country name, for accent-insensitive search. */
  folded_text: string;
  /** party | government | people (Đảng, chính quyền, đối ngoại nhân dân). */
  channel: string;
  /** outbound (đoàn ra) | inbound (đoàn vào). */
  direction: string;
  /** ISO 3166-1 alpha-2. */
  country_code: string;
  partner: string | null;
  level: string | null;
  /** JSON `{personId, name, title}` or null. */
  head_json: string;
  /** JSON array of `{personId, name, title}`. */
  members_json: string;
  start_date: string;
  end_date: string;
  /** JSON array of lines. */
  itinerary_json: string;
  /** JSON `{pressRelease, photos, interviews, languages}`; the unit is `responsible_unit_id`. */
  info_plan_json: string;
  responsible_unit_id: string | null;
  auth_number: string | null;
  auth_date: string | null;
  auth_issuer: string | null;
  /** proposed | approved | in_progress | done | cancelled. */
  status: string;
  /** JSON array of `{title, date, partner}`: agreements signed, for the partners register. */
  agreements_json: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A monitoring item the secretariat confirmed (or rejected) as coverage of a delegation. */
export interface DelegationCoverageTable {
  id: string;
  delegation_id: string;
  item_id: string;
  /** confirmed | rejected */
  decision: string;
  decided_by: string | null;
  decided_at: string;
}

export interface DelegationTables {
  delegations: DelegationTable;
  delegation_coverage: DelegationCoverageTable;
}
