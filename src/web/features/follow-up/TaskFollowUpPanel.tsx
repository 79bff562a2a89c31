import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Empty, Row, Spin } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { TaskPlanMilestonesCard } from "../events/TaskPlanMilestonesCard";
import { programmesApi, type TaskDetail } from "../programmes/programmes-api";
import { CheckInCard } from "./CheckInCard";
import { CheckInDrawer } from "./CheckInDrawer";
import { DirectionsCard, DueDatesCard } from "./DirectionsCard";
import { type CheckIn, followUpApi, type TaskStatusDetail } from "./follow-up-api";
import { CHECK_IN_CONFIRMERS, CHECK_IN_REPORTERS, DIRECTION_GIVERS } from "./roles";
import { TaskStatusCard } from "./TaskStatusCard";

/** Time frames whose due date the secretariat records from a directive or plan. */
const RECORDED_KINDS = new Set(["as_directed", "per_plan", "unspecified"]);

interface FollowUpData {
  year: number;
  /** The task's status as the server computes it: milestones one by one, ongoing periods. */
  status: TaskStatusDetail;
  checkIns: CheckIn[];
  directions: Awaited<ReturnType<typeof followUpApi.directions>>;
  dueDates: Awaited<ReturnType<typeof followUpApi.dueDates>>;
}

async function loadFollowUp(task: TaskDetail, signal: AbortSignal): Promise<FollowUpData> {
  const [programme, status, checkIns, directions, dueDates] = await Promise.all([
    programmesApi.get(task.programmeId, signal),
    followUpApi.taskStatus(task.id, undefined, signal),
    followUpApi.checkIns(task.id, signal),
    followUpApi.directions(task.id, signal),
    followUpApi.dueDates(task.id, signal),
  ]);
  return {
    year: Number((programme.period?.start ?? status.asOf).slice(0, 4)),
    status,
    checkIns,
    directions,
    dueDates,
  };
}

/** "Theo dõi - đôn đốc" on the task page: status, check-ins and their review, directions, recorded due dates. */
export function TaskFollowUpPanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const [editing, setEditing] = useState<CheckIn | "new" | null>(null);
  const data = useApiData(useCallback((signal: AbortSignal) => loadFollowUp(task, signal), [task]));
  const isSecretariat = hasRole(...CHECK_IN_CONFIRMERS);
  const canReport = hasRole(...CHECK_IN_REPORTERS);

  if (data.error && !data.data) return <Alert type="error" showIcon title={data.error} role="alert" />;
  if (!data.data) return <Spin size="large" className="hd-fullpage-spinner" />;
  const d = data.data;
  const checkIns = [...d.checkIns].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

  return (
    <Row gutter={[16, 16]} data-testid="follow-up-panel">
      <Col xs={24} xl={15}>
        <TaskStatusCard status={d.status} checkIns={d.checkIns} dueDates={d.dueDates} error={null} />
        <Card
          title={<h2 className="hd-card-title">{t("followUp.checkIn.listTitle")}</h2>}
          extra={
            canReport && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
                {t("followUp.checkIn.new")}
              </Button>
            )
          }
        >
          {checkIns.length ? (
            <div className="hd-check-ins">
              {checkIns.map((c) => (
                <CheckInCard
                  key={c.id}
                  checkIn={c}
                  isAuthor={c.createdBy === user?.id || isSecretariat}
                  canConfirm={isSecretariat}
                  onEdit={setEditing}
                  onChanged={data.reload}
                />
              ))}
            </div>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("followUp.checkIn.none")} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <DirectionsCard
          taskId={task.id}
          directions={d.directions}
          canDirect={hasRole(...DIRECTION_GIVERS)}
          onChanged={data.reload}
        />
        <TaskPlanMilestonesCard taskId={task.id} />
        {(RECORDED_KINDS.has(task.timeframe.kind) || d.dueDates.length > 0) && (
          <DueDatesCard
            taskId={task.id}
            dueDates={d.dueDates}
            canRecord={isSecretariat}
            onChanged={data.reload}
          />
        )}
      </Col>
      <CheckInDrawer
        open={editing !== null}
        task={task}
        programmeYear={d.year}
        checkIn={editing === "new" ? null : editing}
        canChooseParty={isSecretariat}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          data.reload();
        }}
      />
    </Row>
  );
}
