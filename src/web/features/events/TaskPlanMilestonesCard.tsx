import { Card, List, Tag } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../components/format";
import { useApiData } from "../../components/use-api-data";
import { planApi } from "./plan-api";

/**
 * A task's milestones from the communication plans of events: shown on the task page; nothing is shown
 * when the task has none. The task's own due date is not changed by them.
 */
export function TaskPlanMilestonesCard({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => planApi.milestonesOfTask(taskId, signal), [taskId]);
  const { data } = useApiData(load);
  if (!data || data.items.length === 0) return null;
  return (
    <Card
      title={t("eventPlan.milestonesTitle")}
      size="small"
      className="hd-mb"
      data-testid="task-plan-milestones"
    >
      <p className="hd-muted">{t("eventPlan.milestonesIntro")}</p>
      <List
        size="small"
        dataSource={data.items}
        renderItem={(m) => (
          <List.Item>
            <span className="hd-nowrap hd-strong">{formatDate(m.deadline)}</span>
            <span>
              {m.product} · {t(`eventPlan.channels.${m.channel}`)}
              {m.unitName && ` · ${m.unitName}`}
              {" · "}
              <Link to={`/events?date=${m.deadline}`}>
                {t("eventPlan.event")}: {m.eventTitle}
              </Link>
            </span>
            {m.doneOn ? <Tag color="green">{t("eventPlan.done")}</Tag> : <Tag>{t("eventPlan.deadline")}</Tag>}
          </List.Item>
        )}
      />
    </Card>
  );
}
