/** Tables of the events calendar (sự kiện, ngày kỷ niệm) and its personal ICS subscriptions. */

export interface EventTable {
  id: string;
  title: string;
  /** Folded title and location ("ngay giai phong hai phong") for accent-insensitive search. */
  folded_text: string;
  /** anniversary | holiday | festival | fair | conference | delegation | other */
  kind: string;
  description: string | null;
  location: string | null;
  /** `solar` or `lunar`: which calendar the date (and its yearly recurrence) follows. */
  calendar: string;
  /** First and last solar day of the (first) occurrence, `YYYY-MM-DD`. */
  start_date: string;
  end_date: string;
  /** Lunar date of start_date, for lunar events. */
  lunar_year: number | null;
  lunar_month: number | null;
  lunar_day: number | null;
  lunar_leap: number | null;
  /** `none` or `yearly`. */
  recurrence: string;
  /** Year of the commemorated event, for anniversary numbers (70 năm: 1955 → 2025). */
  origin_year: number | null;
  /** Responsible unit (đơn vị chủ trì). */
  unit_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CalendarFeedTable {
  id: string;
  user_id: string;
  /** SHA-256 of the secret token (hex); the token itself is shown once. */
  token_hash: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface EventTables {
  events: EventTable;
  calendar_feeds: CalendarFeedTable;
}
