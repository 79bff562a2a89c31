import { CheckCircleOutlined, ClockCircleOutlined } from "@ant-design/icons";
import { Alert, Card, Descriptions, Progress, Skeleton, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { hoChiMinhDateOf } from "../../../shared/calendar/vietnam-day";
import { formatDate } from "../../components/format";
import type {
  CheckIn,
  MilestoneStatus,
  OngoingPeriodStatus,
  RecordedDueDate,
  TaskStatusDetail,
} from "./follow-up-api";
import { bucketKey, StatusTag, usePeriodLabel } from "./status-labels";

/** Milestones one by one, as the server assessed them (GET /api/tasks/:id/status). */
function Milestones({ milestones }: { milestones: MilestoneStatus[] }) {
  const { t } = useTranslation();
  return (
    <ul className="hd-milestones" aria-label={t("imports.milestones")} data-testid="milestones">
      {milestones.map((m) => {
        const isDone = m.completedOn !== null;
        return (
          <li key={m.due} data-status={m.status}>
            {isDone ? (
              <CheckCircleOutlined className="hd-ok" aria-hidden />
            ) : (
              <ClockCircleOutlined
                className={m.status === "overdue" ? "hd-danger" : "hd-muted"}
                aria-hidden
              />
            )}{" "}
            <span className="hd-strong">{formatDate(m.due)}</span>
            {m.label && <span> — {m.label}</span>} <StatusTag status={m.status} />
            {m.daysOverdue > 0 && (
              <span className="hd-danger"> {t("followUp.daysN", { count: m.daysOverdue })}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

const PERIOD_STATE: Record<string, { key: string; color: string }> = {
  confirmed: { key: "confirmed", color: "success" },
  reported: { key: "submitted", color: "processing" },
  not_reported: { key: "missing", color: "warning" },
  not_yet_due: { key: "not_yet", color: "default" },
};

/** Ongoing tasks are assessed per reporting period: reported (confirmed or not), not reported, not yet due. */
function OngoingPeriods({ periods }: { periods: OngoingPeriodStatus[] }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  return (
    <ul className="hd-milestones" aria-label={t("followUp.periods")} data-testid="ongoing-periods">
      {periods.map((p) => {
        const shown = PERIOD_STATE[p.state === "reported" && p.isConfirmed ? "confirmed" : p.state] ?? {
          key: "not_yet",
          color: "default",
        };
        return (
          <li key={p.period} data-state={p.state}>
            <span className="hd-strong">{periodLabel(p.period)}</span>{" "}
            <Tag color={shown.color}>{t(`followUp.periodState.${shown.key}`)}</Tag>
            {p.reportedOn && <span className="hd-muted"> {formatDate(p.reportedOn)}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** The task's status as of today (clamped into the programme's period): badge, due date, days overdue, progress. */
export function TaskStatusCard({
  status: row,
  checkIns,
  dueDates,
  error,
}: {
  /** The server's verdict (GET /api/tasks/:id/status). */
  status: TaskStatusDetail | null;
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
  if (!row)
    return (
      <Card title={title}>
        <Skeleton active />
      </Card>
    );
  const asOf = row.asOf;
  const latestDue = dueDates.at(-1);
  // The status is computed as of a date inside the programme's period; a completion reported or confirmed
  // after it (a past programme followed up late) does not count yet, and the reader must be told so. Days are
  // Vietnamese days, as the server counts them.
  const lateCompletion = checkIns.find(
    (c) =>
      c.reportedComplete &&
      ((c.state === "confirmed" && c.confirmedAt && hoChiMinhDateOf(c.confirmedAt) > asOf) ||
        (c.state === "submitted" && c.submittedAt && hoChiMinhDateOf(c.submittedAt) > asOf)),
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
          ...(row.overdueBucket
            ? [{ key: "bucket", label: t("followUp.overdueAge"), children: t(bucketKey(row.overdueBucket)) }]
            : []),
          ...(latestDue
            ? [{ key: "directive", label: t("followUp.dueDate.directive"), children: latestDue.directive }]
            : []),
        ]}
      />
      {row.milestones && <Milestones milestones={row.milestones} />}
      {row.periods && <OngoingPeriods periods={row.periods} />}
    </Card>
  );
}
