import type { AuditRow } from "./audit.repository.js";
import type { AuditEntryDto } from "./audit.schemas.js";

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function presentAuditEntry(r: AuditRow): AuditEntryDto {
  return {
    id: r.id,
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    before: parse(r.before_json),
    after: parse(r.after_json),
    diff: parse(r.diff_json) as AuditEntryDto["diff"],
    requestId: r.request_id,
    ip: r.ip,
  };
}
