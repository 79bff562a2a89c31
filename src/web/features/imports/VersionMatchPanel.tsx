import { BranchesOutlined } from "@ant-design/icons";
import { Card, DatePicker, Flex, Select, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clipAtWord, formatDate, toIsoDate } from "../../components/format";
import type { TaskMatch, VersionChoices, VersionPlan } from "./imports-api";
import type { ParsedTask } from "./parsed-programme";

const NEW = "__new";
const KIND_COLORS: Record<TaskMatch["kind"], string> = { kept: "green", changed: "orange", new: "blue" };

/**
 * "Phiên bản mới": each task of the new version linked to the previous version's task whose follow-up
 * it carries; the reviewer confirms or changes every link, and the date the new version applies from.
 */
export function VersionMatchPanel({
  plan,
  tasks,
  choices,
  onMatch,
  onEffectiveFrom,
  readOnly,
}: {
  plan: VersionPlan;
  tasks: ParsedTask[];
  choices: VersionChoices;
  onMatch(ref: string, previousId: string | null): void;
  onEffectiveFrom(date: string | null): void;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const textOf = new Map(tasks.map((task) => [task.ref, task.text]));
  const fieldLabel = (field: string) =>
    field === "ref"
      ? t("imports.versionPlan.refField")
      : i18n.exists(`imports.diff.fields.${field}`)
        ? t(`imports.diff.fields.${field}`)
        : field;
  const options = [
    { value: NEW, label: t("imports.versionPlan.asNew") },
    ...plan.previousTasks.map((p) => ({ value: p.id, label: `${p.ref} — ${clipAtWord(p.text, 90)}` })),
  ];
  const chosen = (m: TaskMatch) =>
    choices.matches && m.ref in choices.matches ? (choices.matches[m.ref] ?? null) : m.previousId;
  const effectiveFrom = choices.effectiveFrom ?? plan.effectiveFrom;

  /** One task of the new version: its text, the previous task it is linked to, and what changed. */
  const matchRow = (m: TaskMatch) => (
    <li key={m.ref} className="hd-version-match" data-testid={`version-row-${m.ref}`}>
      <div>
        <span className="hd-strong">{m.ref}</span>{" "}
        <span className="hd-muted">{clipAtWord(textOf.get(m.ref) ?? "", 140)}</span>
      </div>
      <Flex wrap gap={8} align="center">
        <Select
          className="hd-version-select"
          aria-label={t("imports.versionPlan.matchOf", { ref: m.ref })}
          data-testid={`version-match-${m.ref}`}
          value={chosen(m) ?? NEW}
          options={options}
          showSearch={{ optionFilterProp: "label" }}
          disabled={readOnly}
          onChange={(value: string) => onMatch(m.ref, value === NEW ? null : value)}
          popupMatchSelectWidth={false}
        />
        <Tag color={KIND_COLORS[m.kind]}>{t(`imports.versionPlan.${m.kind}`)}</Tag>
        {chosen(m) !== m.previousId && <Tag color="gold">{t("imports.unsaved")}</Tag>}
        {m.changedFields.length > 0 && (
          <span className="hd-muted">{m.changedFields.map(fieldLabel).join(", ")}</span>
        )}
        {m.reason && (
          <span className="hd-muted">
            ·{" "}
            {t(`imports.versionPlan.reason.${m.reason}`, {
              similarity: Math.round((m.similarity ?? 0) * 100),
            })}
          </span>
        )}
      </Flex>
    </li>
  );

  return (
    <Card
      className="hd-mb"
      data-testid="version-plan"
      title={
        <h2 className="hd-card-title">
          <BranchesOutlined /> {t("imports.versionPlan.title")}
        </h2>
      }
    >
      <p className="hd-mb-s">
        {t("imports.versionPlan.explain", {
          number: plan.previousNumber ?? "",
          version: plan.previousVersion,
        })}{" "}
        <Link to={`/programmes/${plan.previousProgrammeId}`}>{t("imports.diff.openPrevious")}</Link>
      </p>
      <Space wrap className="hd-mb-s" data-testid="version-summary">
        <Tag color="green">{t("imports.versionPlan.keptCount", { count: plan.summary.kept })}</Tag>
        <Tag color="orange">{t("imports.versionPlan.changedCount", { count: plan.summary.changed })}</Tag>
        <Tag color="blue">{t("imports.versionPlan.newCount", { count: plan.summary.new })}</Tag>
        <Tag color="red">{t("imports.versionPlan.removedCount", { count: plan.summary.removed })}</Tag>
      </Space>
      <div className="hd-mb-s">
        <label htmlFor="version-effective-from" className="hd-strong">
          {t("imports.versionPlan.effectiveFrom")}
        </label>{" "}
        <DatePicker
          id="version-effective-from"
          format="DD/MM/YYYY"
          allowClear={false}
          disabled={readOnly}
          value={dayjs(effectiveFrom)}
          minDate={plan.earliestEffectiveFrom ? dayjs(plan.earliestEffectiveFrom) : undefined}
          onChange={(value) => onEffectiveFrom(toIsoDate(value))}
        />
        <div className="hd-muted">{t("imports.versionPlan.effectiveHelp")}</div>
      </div>
      {plan.removed.length > 0 && (
        <div className="hd-mb-s" data-testid="version-removed">
          <Typography.Text strong>
            {t("imports.versionPlan.removedList", { date: formatDate(effectiveFrom) })}
          </Typography.Text>
          <ul className="hd-confirm-list">
            {plan.removed.map((r) => (
              <li key={r.id}>
                <Tag color="red">{r.ref}</Tag> {clipAtWord(r.text, 120)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Typography.Text strong>{t("imports.versionPlan.colPrevious")}</Typography.Text>
      <ul className="hd-version-matches" aria-label={t("imports.versionPlan.colPrevious")}>
        {plan.matches.map(matchRow)}
      </ul>
    </Card>
  );
}
