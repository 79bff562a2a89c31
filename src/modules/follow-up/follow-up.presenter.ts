/** Follow-up rows → API shapes. */

import type { EvidenceRow } from "./check-ins.repository.js";
import type {
  CheckInTable,
  CheckInVersionTable,
  HolidayTable,
  TaskDirectionTable,
  TaskDueDateTable,
} from "./follow-up.tables.js";

/** Where an evidence file downloads from. */
export const evidenceFileUrl = (evidenceId: string) => `/api/evidence/${encodeURIComponent(evidenceId)}/file`;

/** An evidence item; its file's `downloadUrl` only when the viewer may download it. */
export function presentEvidence(e: EvidenceRow, canDownload = false) {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    url: e.url,
    count: e.count,
    file: e.file_id
      ? {
          id: e.file_id,
          name: e.file_name ?? e.original_name,
          mediaType: e.media_type,
          sha256: e.sha256,
          size: e.size,
          downloadUrl: canDownload ? evidenceFileUrl(e.id) : null,
        }
      : null,
    createdAt: e.created_at,
  };
}

export function presentCheckIn(c: CheckInTable, evidence: EvidenceRow[] = [], canDownload = false) {
  return {
    id: c.id,
    taskId: c.task_id,
    party: { personId: c.party_person_id, unitId: c.party_unit_id, name: c.party_name },
    role: c.role,
    period: c.period,
    milestone: c.milestone,
    state: c.state,
    version: c.version,
    doneText: c.done_text,
    progress: c.progress,
    milestonesReached: JSON.parse(c.milestones_reached_json) as string[],
    difficulties: c.difficulties,
    proposals: c.proposals,
    reportedComplete: c.reported_complete === 1,
    completedOn: c.completed_on,
    submittedAt: c.submitted_at,
    confirmedAt: c.confirmed_at,
    confirmedBy: c.confirmed_by,
    returnedAt: c.returned_at,
    returnedBy: c.returned_by,
    returnReason: c.return_reason,
    createdBy: c.created_by,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    evidence: evidence.filter((e) => e.check_in_id === c.id).map((e) => presentEvidence(e, canDownload)),
  };
}
export type CheckInDto = ReturnType<typeof presentCheckIn>;

export function presentVersion(v: CheckInVersionTable) {
  return {
    version: v.version,
    action: v.action,
    state: v.state,
    savedAt: v.saved_at,
    savedBy: v.saved_by,
    note: v.note,
    content: JSON.parse(v.snapshot_json) as Record<string, unknown>,
  };
}

export function presentDirection(d: TaskDirectionTable) {
  return {
    id: d.id,
    taskId: d.task_id,
    text: d.text,
    authorId: d.author_id,
    authorName: d.author_name,
    createdAt: d.created_at,
  };
}

export function presentDueDate(d: TaskDueDateTable) {
  return {
    id: d.id,
    taskId: d.task_id,
    dueDate: d.due_date,
    directive: d.directive,
    label: d.label,
    fileId: d.file_id,
    createdAt: d.created_at,
  };
}

export function presentHoliday(h: HolidayTable) {
  return { id: h.id, date: h.date, name: h.name, kind: h.kind };
}
