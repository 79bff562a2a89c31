import type { AuditRow } from "./audit.repository.js";
import type { AuditEntryDto } from "./audit.schemas.js";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, labelOf } from "./audit-labels.js";
import type { AuditSubject } from "./audit-subjects.repository.js";

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** One journal entry with its codes in words and, when known, the changed record's name and page. */
export function presentAuditEntry(r: AuditRow, subject?: AuditSubject): AuditEntryDto {
  return {
    id: r.id,
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    entityType: r.entity_type,
    entityTypeLabel: labelOf(AUDIT_ENTITY_LABELS, r.entity_type),
    entityId: r.entity_id,
    entityName: subject?.name ?? null,
    entityLink: subject?.link ?? null,
    action: r.action,
    actionLabel: labelOf(AUDIT_ACTION_LABELS, r.action),
    before: parse(r.before_json),
    after: parse(r.after_json),
    diff: parse(r.diff_json) as AuditEntryDto["diff"],
    requestId: r.request_id,
    ip: r.ip,
  };
}
