import { Alert, Badge, Calendar, Card, Tooltip } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { planApi } from "../events/plan-api";
import { type CalendarEvent, followUpApi } from "./follow-up-api";
import { ProgrammeToolbar } from "./ProgrammeToolbar";
import { useProgrammeChoice } from "./use-programme-choice";

const EVENT_STATUS: Record<CalendarEvent["kind"], "error" | "warning" | "processing" | "default"> = {
  deadline: "error",
  milestone: "warning",
  due_date: "processing",
  report_due: "default",
};

/** Deadlines, milestones, recorded due dates and report due dates of a programme, month by month. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const choice = useProgrammeChoice(["month"]);
  const { programme, params, setParams } = choice;
  const period = programme?.period;
  const today = dayjs().format("YYYY-MM-DD");
  // Today, clamped into the programme's period: the middle of the three ISO dates.
  const fallback = period ? ([period.start, today, period.end].sort()[1] ?? today) : today;
  const month = dayjs(params.get("month") ? `${params.get("month")}-01` : fallback).startOf("month");
  const from = month.format("YYYY-MM-DD");
  const to = month.endOf("month").format("YYYY-MM-DD");
  const programmeId = programme?.id;
  const load = useCallback(
    (signal: AbortSignal) => followUpApi.calendar(programmeId ?? "", from, to, signal),
    [programmeId, from, to],
  );
  const events = useApiData(programmeId ? load : null);
  // Milestones from the communication plans of events: beside the task's own dates, never instead.
  const loadPlan = useCallback(
    (signal: AbortSignal) => planApi.ofProgramme(programmeId ?? "", from, to, signal),
    [programmeId, from, to],
  );
  const plan = useApiData(programmeId ? loadPlan : null);
  const byDate = useMemo(() => {
    const map = new Map<string, CalendarEvent[]>();
    for (const e of events.data?.items ?? []) map.set(e.date, [...(map.get(e.date) ?? []), e]);
    return map;
  }, [events.data]);

  const onPanelChange = (value: Dayjs) => {
    const next = new URLSearchParams(params);
    next.set("month", value.format("YYYY-MM"));
    setParams(next, { replace: true });
  };

  const cell = (date: Dayjs) => {
    const day = date.format("YYYY-MM-DD");
    const list = byDate.get(day) ?? [];
    const planned = (plan.data?.items ?? []).filter((p) => p.deadline === day);
    if ((!list.length && !planned.length) || !date.isSame(month, "month")) return null;
    return (
      <ul className="hd-calendar-events">
        {list.map((e) => (
          <li key={`${e.taskId}-${e.kind}-${e.label ?? ""}`}>
            <Tooltip
              title={`${t(`followUp.eventKinds.${e.kind}`)}${e.label ? ` — ${e.label}` : ""}: ${e.text.slice(0, 160)}`}
            >
              <Link
                to={`/tasks/${e.taskId}?tab=follow-up`}
                className={e.isDone ? "hd-event-done" : undefined}
              >
                <Badge
                  status={e.isDone ? "success" : EVENT_STATUS[e.kind]}
                  text={`${e.ref} · ${t(`followUp.eventKinds.${e.kind}`)}`}
                />
              </Link>
            </Tooltip>
          </li>
        ))}
        {planned.map((p) => (
          <li key={`plan-${p.id}`} data-testid="calendar-plan-milestone">
            <Tooltip title={`${t("eventPlan.title")} — ${p.eventTitle}: ${p.product}`}>
              <Link
                to={`/tasks/${p.taskId}?tab=follow-up`}
                className={p.doneOn ? "hd-event-done" : undefined}
              >
                <Badge
                  status={p.doneOn ? "success" : undefined}
                  color={p.doneOn ? undefined : "purple"}
                  text={`${p.taskRef} · ${t("eventPlan.calendarBadge")}`}
                />
              </Link>
            </Tooltip>
          </li>
        ))}
      </ul>
    );
  };

  return (
    <>
      <PageHeader title={t("nav.calendar")} description={t("followUp.calendarIntro")} />
      <ProgrammeToolbar programmes={choice.programmes} programme={programme} onProgramme={choice.choose} />
      {(choice.error || events.error) && (
        <Alert type="error" showIcon title={choice.error ?? events.error} className="hd-mb" />
      )}
      <Card>
        <Calendar
          value={month}
          mode="month"
          onPanelChange={onPanelChange}
          onSelect={(value, info) => {
            if (info.source !== "date") onPanelChange(value);
          }}
          cellRender={(current, info) => (info.type === "date" ? cell(current) : info.originNode)}
          className="hd-calendar"
        />
      </Card>
    </>
  );
}
