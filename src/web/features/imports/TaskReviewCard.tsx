import { EnvironmentOutlined, WarningFilled } from "@ant-design/icons";
import { Button, Input, Tag } from "antd";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { ROLE_COLORS, roleKey, timeframeKindKey } from "../programmes/labels";
import { Field, rowsFor } from "./Field";
import type { Decisions, ReconciliationEntry } from "./imports-api";
import { PartiesEditor } from "./PartiesEditor";
import { PARTY_ROLES, type ParsedTask, partiesOf, withParties } from "./parsed-programme";
import { TimeframeEditor } from "./TimeframeEditor";

interface Props {
  task: ParsedTask;
  index: number;
  isSelected: boolean;
  warningCount: number;
  onSelect(index: number): void;
  onChange(index: number, task: ParsedTask): void;
  reconciliation: Map<string, ReconciliationEntry>;
  decisions: Decisions;
  readOnly: boolean;
}

/** One parsed task: a compact summary, and the full editor once selected. */
export const TaskReviewCard = memo(function TaskReviewCard({
  task,
  index,
  isSelected,
  warningCount,
  onSelect,
  onChange,
  reconciliation,
  decisions,
  readOnly,
}: Props) {
  const { t } = useTranslation();
  const change = (next: ParsedTask) => onChange(index, next);
  const lines = task.source?.lineStart
    ? t("imports.lines", { start: task.source.lineStart, end: task.source.lineEnd ?? task.source.lineStart })
    : null;

  return (
    <article
      id={`review-task-${task.ref}`}
      className={isSelected ? "hd-review-task is-selected" : "hd-review-task"}
      aria-label={t("imports.taskLabel", { ref: task.ref })}
      data-testid={`review-task-${task.ref}`}
    >
      <button
        type="button"
        className="hd-review-task-head"
        aria-expanded={isSelected}
        onClick={() => onSelect(index)}
      >
        <span className="hd-task-ref">{task.ref}</span>
        <span className="hd-review-task-summary">{task.text.slice(0, 220) || t("imports.emptyText")}</span>
        <span className="hd-review-task-tags">
          {warningCount > 0 && (
            <Tag color="warning" icon={<WarningFilled aria-hidden />}>
              {t("imports.warningCount", { count: warningCount })}
            </Tag>
          )}
          {PARTY_ROLES.map((role) =>
            partiesOf(task, role).length ? (
              <Tag key={role} color={ROLE_COLORS[role]}>
                {t(roleKey(role))}: {partiesOf(task, role).length}
              </Tag>
            ) : null,
          )}
          <Tag>{task.timeframe.text ?? t(timeframeKindKey(task.timeframe.kind))}</Tag>
        </span>
      </button>
      {isSelected && (
        <div className="hd-review-task-body">
          {lines && (
            <Button size="small" type="link" icon={<EnvironmentOutlined />} onClick={() => onSelect(index)}>
              {t("imports.showSource", { lines })}
            </Button>
          )}
          <Field label={t("programmes.taskText")}>
            {(id) => (
              <Input.TextArea
                id={id}
                value={task.text}
                onChange={(event) => change({ ...task, text: event.target.value })}
                rows={rowsFor(task.text, 3, 14)}
                disabled={readOnly}
              />
            )}
          </Field>
          {(task.footnotes ?? []).map((note, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: footnotes have no id; the position is the identity.
            <Field key={`${note.mark}-${i}`} label={t("imports.footnote", { mark: note.mark })}>
              {(id) => (
                <Input.TextArea
                  id={id}
                  value={note.text}
                  rows={rowsFor(note.text, 1, 6)}
                  disabled={readOnly}
                  onChange={(event) =>
                    change({
                      ...task,
                      footnotes: (task.footnotes ?? []).map((n, j) =>
                        j === i ? { ...n, text: event.target.value } : n,
                      ),
                    })
                  }
                />
              )}
            </Field>
          ))}
          {PARTY_ROLES.map((role) => (
            <PartiesEditor
              key={role}
              role={role}
              parties={partiesOf(task, role)}
              onChange={(parties) => change(withParties(task, role, parties))}
              reconciliation={reconciliation}
              decisions={decisions}
              readOnly={readOnly}
            />
          ))}
          <TimeframeEditor
            value={task.timeframe}
            onChange={(timeframe) => change({ ...task, timeframe })}
            readOnly={readOnly}
          />
        </div>
      )}
    </article>
  );
});
