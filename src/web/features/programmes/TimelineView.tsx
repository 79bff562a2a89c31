import { Alert, Empty, Spin, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, romanQuarter } from "../../components/format";
import type { Timeline, TimelineLane, TimelineTask } from "./programmes-api";

const UNDATED: TimelineLane[] = ["ongoing", "as_directed", "per_plan", "unspecified", "outside"];

function TaskPill({ task }: { task: TimelineTask }) {
  const { t } = useTranslation();
  const dates = [task.start && formatDate(task.start), task.end && formatDate(task.end)]
    .filter(Boolean)
    .join(" – ");
  return (
    <Tooltip title={[task.timeframeText, dates].filter(Boolean).join(" · ") || undefined}>
      <Link
        to={`/tasks/${task.id}`}
        className={`hd-pill hd-pill-${task.timeframeKind}`}
        aria-label={`${t("programmes.openTask", { ref: task.ref })}${task.timeframeText ? ` — ${task.timeframeText}` : ""}`}
      >
        {task.ref}
      </Link>
    </Tooltip>
  );
}

/** Tasks by quarter (Q1–Q4), then lanes for time frames without dates. */
export function TimelineView({ timeline, error }: { timeline: Timeline | null; error: string | null }) {
  const { t } = useTranslation();
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!timeline) return <Spin />;
  const lanes = [
    ...timeline.quarters.map((q) => ({
      key: `q${q.quarter}`,
      title: t("programmes.timeline.quarter", {
        quarter: q.quarter,
        roman: romanQuarter(q.quarter),
        year: timeline.year,
      }),
      hint: `${formatDate(q.start)} – ${formatDate(q.end)}`,
      tasks: q.tasks,
      isQuarter: true,
    })),
    ...UNDATED.map((lane) => ({
      key: lane,
      title: t(`programmes.timeline.lanes.${lane}`),
      hint: t(`programmes.timeline.hints.${lane}`),
      tasks: timeline.lanes[lane] ?? [],
      isQuarter: false,
    })).filter((lane) => lane.key !== "outside" || lane.tasks.length > 0),
  ];
  if (lanes.every((lane) => lane.tasks.length === 0))
    return <Empty description={t("programmes.timeline.empty")} />;

  return (
    <div className="hd-timeline" data-testid="timeline">
      {lanes.map((lane) => (
        <section
          key={lane.key}
          className={lane.isQuarter ? "hd-lane hd-lane-quarter" : "hd-lane"}
          aria-labelledby={`lane-${lane.key}`}
        >
          <header className="hd-lane-head">
            <h3 id={`lane-${lane.key}`} className="hd-lane-title">
              {lane.title} <span className="hd-lane-count">{lane.tasks.length}</span>
            </h3>
            <span className="hd-muted">{lane.hint}</span>
          </header>
          <div className="hd-lane-body">
            {lane.tasks.length ? (
              lane.tasks.map((task) => <TaskPill key={task.id} task={task} />)
            ) : (
              <span className="hd-muted">{t("programmes.timeline.none")}</span>
            )}
          </div>
        </section>
      ))}
    </div>
  );
}
