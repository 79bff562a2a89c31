/**
 * The events calendar as a register: events attach to tasks as evidence (an anniversary's
 * communication, a fair the city took part in), and reports count the events of their period with
 * the round anniversaries among them.
 */
import type { RegisterEntrySummary, RegisterKind } from "../registers/register-kinds.js";
import { occurrencesBetween } from "./event-occurrences.js";
import { occurrenceLabel, timingOf } from "./events.presenter.js";
import { createEventsRepository, type EventRow } from "./events.repository.js";

const KIND_NAMES: Record<string, string> = {
  anniversary: "Ngày kỷ niệm",
  holiday: "Ngày lễ",
  festival: "Lễ hội",
  fair: "Hội chợ, triển lãm",
  conference: "Hội nghị, hội thảo",
  delegation: "Đoàn ra, đoàn vào",
  other: "Khác",
};

const repository = createEventsRepository();

function summary(row: EventRow): RegisterEntrySummary {
  return {
    id: row.id,
    title: row.title,
    // A yearly event belongs to every year: it has no one date to place it in a period.
    date: row.recurrence === "yearly" ? null : row.start_date,
    path: `/events?event=${encodeURIComponent(row.id)}&date=${row.start_date}`,
  };
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** How many round anniversaries the report's sentence names before "and N more". */
const ROUND_NAMED = 20;

export const eventsRegisterKind: RegisterKind = {
  kind: "event",
  label: { vi: "Sự kiện, ngày kỷ niệm", en: "Events and anniversaries" },

  async summaries(db, ids) {
    const rows = await repository.findMany(db, ids);
    return new Map(rows.map((r) => [r.id, summary(r)]));
  },

  async search(db, query, limit) {
    return (await repository.search(db, query, limit)).map(summary);
  },

  async figures(db, period) {
    const rows = await repository.candidatesBetween(db, period.from, period.to, {});
    const occurrences = rows
      .flatMap((row) => occurrencesBetween(timingOf(row), period.from, period.to).map((o) => ({ row, o })))
      .sort((a, b) => (a.o.startDate < b.o.startDate ? -1 : a.o.startDate > b.o.startDate ? 1 : 0));
    const round = occurrences.filter(({ o }) => o.isRoundAnniversary);
    const sentences: string[] = [];
    if (occurrences.length > 0) {
      const byKind = new Map<string, number>();
      for (const { row } of occurrences) byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + 1);
      const parts = [...byKind]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${n} ${(KIND_NAMES[k] ?? k).toLowerCase()}`);
      sentences.push(
        `Trong kỳ, lịch sự kiện có ${occurrences.length} sự kiện, ngày kỷ niệm cần làm công tác thông tin đối ngoại (${parts.join(", ")}).`,
      );
      if (round.length > 0) {
        // A long period can hold hundreds; the sentence names the first ones, the annex lists them all.
        const named = round.slice(0, ROUND_NAMED).map(({ row, o }) => occurrenceLabel(row, o));
        const more = round.length - named.length;
        sentences.push(
          `Các ngày kỷ niệm tròn năm: ${named.join("; ")}${more > 0 ? `; và ${more} ngày kỷ niệm tròn năm khác (xem phụ lục)` : ""}.`,
        );
      }
    }
    return {
      kind: "event",
      heading: "Sự kiện, ngày kỷ niệm",
      sentences,
      sheet: {
        name: "Sự kiện, ngày kỷ niệm",
        columns: [
          { header: "Từ ngày", width: 12 },
          { header: "Đến ngày", width: 12 },
          { header: "Sự kiện", width: 70 },
          { header: "Loại", width: 20 },
          { header: "Kỷ niệm tròn năm", width: 12 },
          { header: "Địa điểm", width: 30 },
          { header: "Đơn vị chủ trì", width: 30 },
        ],
        rows: occurrences.map(({ row, o }) => [
          dmy(o.startDate),
          dmy(o.endDate),
          occurrenceLabel(row, o),
          KIND_NAMES[row.kind] ?? row.kind,
          o.isRoundAnniversary ? "x" : "",
          row.location,
          row.unit_name,
        ]),
      },
    };
  },
};
