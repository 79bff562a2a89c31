/**
 * The partners register as the rest of the platform sees it: entries on task pages, and the report's
 * sentence "Trong kỳ, ký kết 2 thỏa thuận hợp tác; 3 thỏa thuận sắp hết hạn; trao đổi 14 lượt thông tin
 * với đối tác" with its annex sheet.
 */
import type { Db } from "../../platform/db/database.js";
import type { CellValue } from "../../platform/export/index.js";
import type { PartnerKind } from "../../shared/api/partners.js";
import { formatDayVi } from "../events/events.presenter.js";
import { addDays } from "../follow-up/calendar/calendar.dates.js";
import type { RegisterEntrySummary, RegisterFigures, RegisterKind } from "../registers/register-kinds.js";
import { CHANNEL_LABELS, DIRECTION_LABELS, PARTNER_KIND_LABELS } from "./partners.presenter.js";
import { createPartnersRepository } from "./partners.repository.js";
import { DEFAULT_RENEWAL_REMINDER_DAYS } from "./partners.service.js";
import type { PartnerTable } from "./partners.tables.js";

const repository = createPartnersRepository();

const summary = (p: PartnerTable): RegisterEntrySummary => ({
  id: p.id,
  title: `${p.name_vi} (${p.country})`,
  date: p.since_date,
  path: `/partners/${p.id}`,
});

interface PeriodFigures {
  signed: number;
  expiring: number;
  exchanges: number;
  outgoing: number;
  incoming: number;
  horizon: string;
}

/** The report sentence of a period. */
export function partnersSentence(f: PeriodFigures): string {
  if (f.signed === 0 && f.exchanges === 0 && f.expiring === 0)
    return "Trong kỳ, chưa ghi nhận thỏa thuận hợp tác hay trao đổi thông tin mới với đối tác.";
  const parts = [
    `ký kết ${f.signed} thỏa thuận hợp tác`,
    `${f.expiring} thỏa thuận sắp hết hạn (đến ngày ${formatDayVi(f.horizon)})`,
    `trao đổi ${f.exchanges} lượt thông tin với đối tác` +
      (f.exchanges > 0 ? ` (gửi đi ${f.outgoing}, nhận về ${f.incoming})` : ""),
  ];
  return `Trong kỳ, ${parts.join("; ")}.`;
}

const kindLabel = (kind: string) => PARTNER_KIND_LABELS[kind as PartnerKind]?.vi ?? kind;

export const partnersKind: RegisterKind = {
  kind: "partner",
  label: { vi: "Đối tác, cộng đồng ở nước ngoài", en: "Partners and overseas communities" },

  async summaries(db: Db, ids: readonly string[]) {
    const rows = await repository.byIds(db, ids);
    return new Map(rows.map((r) => [r.id, summary(r)]));
  },

  async figures(db: Db, period: { from: string; to: string }): Promise<RegisterFigures> {
    const horizon = addDays(period.to, DEFAULT_RENEWAL_REMINDER_DAYS);
    const [signed, expiring, exchanges] = await Promise.all([
      repository.agreementsSignedBetween(db, period.from, period.to),
      repository.agreementsExpiringBetween(db, period.to, horizon),
      repository.exchangesBetween(db, period.from, period.to),
    ]);
    const outgoing = exchanges.filter((x) => x.direction === "outgoing").length;
    const rows: CellValue[][] = [
      ...signed.map((a) => [
        "Thỏa thuận ký kết",
        a.signed_on,
        a.name_vi,
        a.country,
        kindLabel(a.kind),
        a.title,
        a.expires_on ? `Hết hạn ${formatDayVi(a.expires_on)}` : "Không thời hạn",
      ]),
      ...expiring.map((a) => [
        "Thỏa thuận sắp hết hạn",
        a.expires_on,
        a.name_vi,
        a.country,
        kindLabel(a.kind),
        a.title,
        `Ký ngày ${formatDayVi(a.signed_on)}`,
      ]),
      ...exchanges.map((x) => [
        "Trao đổi thông tin",
        x.exchanged_on,
        x.name_vi,
        x.country,
        kindLabel(x.kind),
        x.subject,
        `${DIRECTION_LABELS[x.direction as "outgoing" | "incoming"] ?? x.direction} – ${
          CHANNEL_LABELS[x.channel as keyof typeof CHANNEL_LABELS] ?? x.channel
        }`,
      ]),
    ];
    return {
      kind: "partner",
      heading: "Đối tác, cộng đồng người Hải Phòng ở nước ngoài",
      sentences: [
        partnersSentence({
          signed: signed.length,
          expiring: expiring.length,
          exchanges: exchanges.length,
          outgoing,
          incoming: exchanges.length - outgoing,
          horizon,
        }),
      ],
      sheet: {
        name: "Đối tác",
        columns: [
          { header: "Mục", width: 24 },
          { header: "Ngày", width: 12 },
          { header: "Đối tác", width: 36 },
          { header: "Quốc gia", width: 16 },
          { header: "Loại đối tác", width: 28 },
          { header: "Nội dung", width: 50 },
          { header: "Ghi chú", width: 28 },
        ],
        rows,
      },
    };
  },

  async search(db: Db, query: string, limit: number) {
    const { rows } = await repository.page(db, { q: query || undefined }, "9999-12-31", limit, 0);
    return rows.map(summary);
  },
};
