/**
 * The delegations register as the rest of the platform sees it: entries attached to tasks as evidence
 * (tasks 2, 3, 17 of the programme), and the figures reports quote: "Trong kỳ, đã tổ chức 4 đoàn ra,
 * đón 6 đoàn vào…".
 */
import type { RegisterEntrySummary, RegisterKind } from "../registers/register-kinds.js";
import {
  CHANNEL_LABELS_VI,
  DIRECTION_LABELS_VI,
  delegationColumns,
  STATUS_LABELS_VI,
} from "./delegations.export.js";
import { presentDelegation } from "./delegations.presenter.js";
import { createDelegationsRepository } from "./delegations.repository.js";

const repository = createDelegationsRepository();

const summary = (row: { id: string; title: string; start_date: string }): RegisterEntrySummary => ({
  id: row.id,
  title: row.title,
  date: row.start_date,
  path: `/delegations/${row.id}`,
});

/** "4 đoàn ra, 6 đoàn vào" → the committee's sentence for a period. */
export function delegationSentences(input: {
  outbound: number;
  inbound: number;
  byChannel: Record<string, number>;
  agreements: number;
  coverage: number;
}): string[] {
  const { outbound, inbound } = input;
  if (outbound + inbound === 0) return ["Trong kỳ, không có đoàn ra, đoàn vào."];
  const channels = Object.entries(input.byChannel)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${CHANNEL_LABELS_VI[c as keyof typeof CHANNEL_LABELS_VI] ?? c}: ${n}`);
  const out = [`Trong kỳ, đã tổ chức ${outbound} đoàn ra, đón ${inbound} đoàn vào (${channels.join("; ")}).`];
  if (input.agreements > 0) out.push(`Các đoàn đã ký kết ${input.agreements} văn bản thỏa thuận hợp tác.`);
  if (input.coverage > 0)
    out.push(`Báo chí, truyền thông đăng ${input.coverage} tin, bài phản ánh hoạt động của các đoàn.`);
  return out;
}

export const delegationsRegisterKind: RegisterKind = {
  kind: "delegation",
  label: { vi: "Đoàn ra, đoàn vào", en: "Delegations" },

  async summaries(db, ids) {
    const rows = await repository.byIds(db, ids);
    return new Map(rows.map((r) => [r.id, summary(r)]));
  },

  async search(db, query, limit) {
    return (await repository.search(db, query, limit)).map(summary);
  },

  async figures(db, period) {
    const rows = await repository.startingBetween(db, period.from, period.to);
    const byChannel: Record<string, number> = { party: 0, government: 0, people: 0 };
    let agreements = 0;
    for (const r of rows) {
      byChannel[r.channel] = (byChannel[r.channel] ?? 0) + 1;
      agreements += (JSON.parse(r.agreements_json) as unknown[]).length;
    }
    const coverage = await repository.confirmedCountBetween(db, period.from, period.to);
    const dtos = rows.map((r) => presentDelegation(r, { canEdit: false }));
    return {
      kind: "delegation",
      heading: "Đoàn ra, đoàn vào",
      sentences: delegationSentences({
        outbound: rows.filter((r) => r.direction === "outbound").length,
        inbound: rows.filter((r) => r.direction === "inbound").length,
        byChannel,
        agreements,
        coverage,
      }),
      sheet: {
        name: "Đoàn ra, đoàn vào",
        columns: delegationColumns.map((c) => ({ header: c.header, ...(c.width && { width: c.width }) })),
        rows: dtos.map((d) =>
          delegationColumns.map((c) => {
            const v = c.value(d);
            return Array.isArray(v) ? v.filter(Boolean).join("; ") : (v as string | number | null);
          }),
        ),
      },
    };
  },
};

export { DIRECTION_LABELS_VI, STATUS_LABELS_VI };
