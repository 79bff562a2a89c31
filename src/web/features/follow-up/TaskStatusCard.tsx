import { CheckCircleOutlined, ClockCircleOutlined } from "@ant-design/icons";
import { Alert, Card, Descriptions, Progress, Skeleton, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../components/format";
import type { TaskDetail } from "../programmes/programmes-api";
import type { CheckIn, RecordedDueDate, StatusRow } from "./follow-up-api";
import { periodKeys, StatusTag, usePeriodLabel } from "./status-labels";

/** Milestones one by one: reached when a confirmed check-in names it (or, for the last one, reports completion). */
function Milestones({ task, checkIns, asOf }: { task: TaskDetail; checkIns: CheckIn[]; asOf: string }) {
  const { t } = useTranslation();
  const milestones = task.timeframe.milestones ?? [];
  const confirmed = checkIns.filter((c) => c.state === "confirmed");
  const last = milestones.at(-1)?.due;
  return (
    <ul className="hd-milestones" aria-label={t("imports.milestones")}>
      {milestones.map((m) => {
        const hit = confirmed.find(
          (c) =>
            c.milestonesReached.includes(m.due) ||
            c.milestone === m.due ||
            (m.due === last && c.reportedComplete),
        );
        const isLate = !hit && m.due < asOf;
        return (
          <li key={m.due}>
            {hit ? (
              <CheckCircleOutlined className="hd-ok" aria-hidden />
            ) : (
              <ClockCircleOutlined className={isLate ? "hd-danger" : "hd-muted"} aria-hidden />
            )}{" "}
            <span className="hd-strong">{formatDate(m.due)}</span>
            {m.label && <span> — {m.label}</span>}{" "}
            <Tag color={hit ? "success" : isLate ? "error" : "default"}>
              {t(
                hit
                  ? "followUp.milestone.reached"
                  : isLate
                    ? "followUp.milestone.late"
                    : "followUp.milestone.open",
              )}
            </Tag>
          </li>
        );
      })}
    </ul>
  );
}

/** Ongoing tasks are assessed per reporting period: the check-in state of each quarter so far. */
function OngoingPeriods({ year, checkIns, asOf }: { year: number; checkIns: CheckIn[]; asOf: string }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const quarters = periodKeys(year).filter((k) => /Q\d$/.test(k));
  return (
    <ul className="hd-milestones" aria-label={t("followUp.periods")}>
      {quarters.map((key, i) => {
        const starts = `${year}-${String(i * 3 + 1).padStart(2, "0")}-01`;
        const mine = checkIns.filter((c) => c.period === key && c.state !== "draft");
        const best = mine.find((c) => c.state === "confirmed") ?? mine.find((c) => c.state === "submitted");
        const state = best ? best.state : starts > asOf ? "not_yet" : "missing";
        return (
          <li key={key}>
            <span className="hd-strong">{periodLabel(key)}</span>{" "}
            <Tag
              color={
                state === "confirmed"
                  ? "success"
                  : state === "submitted"
                    ? "processing"
                    : state === "missing"
                      ? "warning"
                      : "default"
              }
            >
              {t(`followUp.periodState.${state}`)}
            </Tag>
          </li>
        );
      })}
    </ul>
  );
}

/** The task's status as of today (clamped into the programme's period): badge, due date, days overdue, progress. */
export function TaskStatusCard({
  task,
  row,
  asOf,
  year,
  checkIns,
  dueDates,
  error,
}: {
  task: TaskDetail;
  row: StatusRow | null;
  asOf: string | null;
  year: number;
  checkIns: CheckIn[];
  dueDates: RecordedDueDate[];
  error: string | null;
}) {
  const { t } = useTranslation();
  const title = <h2 className="hd-card-title">{t("followUp.statusTitle")}</h2>;
  if (error)
    return (
      <Card title={title}>
        <Alert type="error" showIcon title={error} />
      </Card>
    );
  if (!row || !asOf)
    return (
      <Card title={title}>
        <Skeleton active />
      </Card>
    );
  const latestDue = dueDates.at(-1);
  // The status is computed as of a date inside the programme's period; a completion reported or confirmed
  // after it (a past programme followed up late) does not count yet, and the reader must be told so.
  const lateCompletion = checkIns.find(
    (c) =>
      c.reportedComplete &&
      ((c.state === "confirmed" && (c.confirmedAt ?? "").slice(0, 10) > asOf) ||
        (c.state === "submitted" && (c.submittedAt ?? "").slice(0, 10) > asOf)),
  );
  return (
    <Card
      title={title}
      className="hd-mb"
      data-testid="task-status"
      extra={<span className="hd-muted">{t("followUp.asOfDate", { date: formatDate(asOf) })}</span>}
    >
      <div className="hd-status-line">
        <StatusTag status={row.status} />
        {row.hasPendingCompletion && <Tag color="processing">{t("followUp.pendingCompletion")}</Tag>}
        {row.isReturned && <Tag color="error">{t("followUp.returned")}</Tag>}
      </div>
      {lateCompletion && (
        <Alert
          type="info"
          showIcon
          className="hd-mt-s"
          data-testid="after-as-of"
          title={t(
            lateCompletion.state === "confirmed"
              ? "followUp.afterAsOf.confirmed"
              : "followUp.afterAsOf.submitted",
            {
              date: formatDate(asOf),
              on: formatDate(lateCompletion.completedOn),
            },
          )}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        className="hd-mt-s"
        items={[
          { key: "due", label: t("followUp.due"), children: formatDate(row.due) || "—" },
          {
            key: "overdue",
            label: t("followUp.daysOverdue"),
            children:
              row.daysOverdue > 0 ? (
                <span className="hd-danger hd-strong">{t("followUp.daysN", { count: row.daysOverdue })}</span>
              ) : (
                "—"
              ),
          },
          {
            key: "progress",
            label: t("followUp.progress"),
            children:
              row.progress === null ? (
                "—"
              ) : (
                <Progress percent={row.progress} size="small" className="hd-progress-cell" />
              ),
          },
          ...(latestDue
            ? [{ key: "directive", label: t("followUp.dueDate.directive"), children: latestDue.directive }]
            : []),
        ]}
      />
      {(task.timeframe.milestones?.length ?? 0) > 1 && (
        <Milestones task={task} checkIns={checkIns} asOf={asOf} />
      )}
      {task.timeframe.kind === "ongoing" && <OngoingPeriods year={year} checkIns={checkIns} asOf={asOf} />}
    </Card>
  );
}
