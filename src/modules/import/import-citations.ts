/**
 * The citations of a committed programme: each cited document joins the registry once (by kind +
 * number), and is linked to the programme and to every task whose text or footnotes name it.
 */
import type { RequestContext } from "../../platform/context.js";
import type { DbOrTrx } from "../../platform/db/database.js";
import { newId } from "../../platform/ids.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { AuditService } from "../audit/audit.service.js";
import { type CitationsRepository, citationKey, foldNumber } from "../programmes/citations.repository.js";
import type { ParsedProgramme } from "./parsed-programme.schema.js";

/** True when `number` stands in `text` as a whole token ("12-CT/TW" is not inside "112-CT/TW"). */
function mentions(text: string, number: string): boolean {
  const haystack = foldVietnamese(text);
  const needle = foldNumber(number);
  let at = haystack.indexOf(needle);
  while (at >= 0) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (!(before && /[\p{L}\p{N}]/u.test(before)) && !(after && /[\p{L}\p{N}]/u.test(after))) return true;
    at = haystack.indexOf(needle, at + 1);
  }
  return false;
}

export async function writeCitations(
  trx: DbOrTrx,
  ctx: RequestContext,
  deps: { citations: CitationsRepository; audit: AuditService },
  input: { parsed: ParsedProgramme; programmeId: string; taskIds: Map<string, string>; now: string },
): Promise<void> {
  const { citations, audit } = deps;
  const { parsed, taskIds, now } = input;
  for (const cited of parsed.citations) {
    const text = cited.text ?? `${cited.kind} ${cited.number ?? ""}`.trim();
    const key = citationKey(cited.kind, cited.number, text);
    let citation = await citations.findByKey(trx, key);
    if (!citation) {
      citation = {
        id: newId(),
        citation_key: key,
        kind: cited.kind,
        number: cited.number,
        folded_number: cited.number ? foldNumber(cited.number) : null,
        issued_on: cited.date ?? null,
        issuer: cited.issuer ?? null,
        created_at: now,
      };
      await citations.insert(trx, citation);
      await audit.record(trx, ctx, {
        entityType: "citation",
        entityId: citation.id,
        action: "create",
        after: citation,
      });
    } else if ((!citation.issued_on && cited.date) || (!citation.issuer && cited.issuer)) {
      const patch = {
        issued_on: citation.issued_on ?? cited.date ?? null,
        issuer: citation.issuer ?? cited.issuer ?? null,
      };
      await citations.fillMissing(trx, citation.id, patch);
      await audit.record(trx, ctx, {
        entityType: "citation",
        entityId: citation.id,
        action: "update",
        before: { issued_on: citation.issued_on, issuer: citation.issuer },
        after: patch,
      });
    }
    const citing = cited.number
      ? parsed.tasks.filter((t) =>
          [t.text, ...(t.footnotes ?? []).map((f) => f.text)].some((s) => mentions(s, cited.number ?? "")),
        )
      : [];
    const links = [
      { task_id: null as string | null, text },
      ...citing.map((t) => ({ task_id: taskIds.get(t.ref) ?? null, text })),
    ];
    for (const link of links) {
      const linkRow = { id: newId(), citation_id: citation.id, programme_id: input.programmeId, ...link };
      await citations.insertLink(trx, linkRow);
      await audit.record(trx, ctx, {
        entityType: "citation_link",
        entityId: linkRow.id,
        action: "create",
        after: linkRow,
      });
    }
  }
}
