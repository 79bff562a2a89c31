import { ArrowLeftOutlined, ArrowRightOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Badge, Button, Card, Checkbox, Empty, Spin, Tooltip } from "antd";
import dayjs from "dayjs";
import { type DragEvent, useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { isApiError } from "../../api/client";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { CaseDrawer } from "./CaseDrawer";
import { CASE_STATES, type CaseState, monitoringApi, type ResponseCase } from "./monitoring-api";
import { AssessmentTag, CASE_OPENERS } from "./monitoring-labels";
import "./monitoring.css";

const isOverdue = (c: ResponseCase) =>
  c.deadline !== null &&
  (c.state === "open" || c.state === "in_progress") &&
  c.deadline < dayjs().format("YYYY-MM-DD");

function CaseCard({
  c,
  assignee,
  onOpen,
  onMove,
  isMoving,
}: {
  c: ResponseCase;
  assignee: string | null;
  onOpen: () => void;
  onMove: (state: CaseState) => void;
  isMoving: boolean;
}) {
  const { t } = useTranslation();
  const index = CASE_STATES.indexOf(c.state);
  const previous = CASE_STATES[index - 1];
  const next = CASE_STATES[index + 1];
  const overdue = isOverdue(c);
  return (
    <Card
      size="small"
      className={`hd-mon-case-card${overdue ? " is-overdue" : ""}`}
      draggable
      onDragStart={(e: DragEvent) => e.dataTransfer.setData("text/plain", c.id)}
      data-testid="case-card"
      data-state={c.state}
    >
      <Button type="link" className="hd-mon-case-title" onClick={onOpen}>
        {c.title}
      </Button>
      <div className="hd-mon-case-meta">
        <AssessmentTag assessment={c.assessment} />
      </div>
      <div className="hd-mon-case-meta">
        {t("monitoring.cases.assignee")}: {assignee ?? t("monitoring.cases.unassigned")}
      </div>
      <div className={`hd-mon-case-meta${overdue ? " hd-mon-danger" : ""}`}>
        {t("monitoring.cases.deadline")}: {c.deadline ? formatDate(c.deadline) : "—"}
        {overdue && <strong> · {t("monitoring.cases.overdue")}</strong>}
      </div>
      <div className="hd-mon-case-actions">
        {previous ? (
          <Tooltip title={t("monitoring.cases.moveTo", { state: t(`monitoring.caseStates.${previous}`) })}>
            <Button
              size="small"
              icon={<ArrowLeftOutlined />}
              loading={isMoving}
              aria-label={t("monitoring.cases.moveCaseTo", {
                title: c.title,
                state: t(`monitoring.caseStates.${previous}`),
              })}
              onClick={() => onMove(previous)}
            />
          </Tooltip>
        ) : (
          <span />
        )}
        {next && (
          <Button
            size="small"
            loading={isMoving}
            aria-label={t("monitoring.cases.moveCaseTo", {
              title: c.title,
              state: t(`monitoring.caseStates.${next}`),
            })}
            onClick={() => onMove(next)}
          >
            {t(`monitoring.caseStates.${next}`)} <ArrowRightOutlined aria-hidden />
          </Button>
        )}
      </div>
    </Card>
  );
}

/** "Hồ sơ xử lý": response cases in columns by state; cards move by button (keyboard) or by dragging. */
export default function CasesBoardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const isMine = params.get("mine") === "true";
  const openCase = params.get("case");
  const load = useCallback(
    (signal: AbortSignal) => monitoringApi.cases({ mine: isMine ? "true" : undefined }, signal),
    [isMine],
  );
  const board = useApiData(load);
  const [moving, setMoving] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<CaseState | null>(null);
  const all = useMemo(() => CASE_STATES.flatMap((s) => board.data?.[s] ?? []), [board.data]);
  // The case API names whom each case is assigned to.
  const names = useMemo(() => {
    const known = new Map<string, string>();
    for (const c of all) {
      if (c.assigneePersonId && c.assigneePersonName)
        known.set(`person:${c.assigneePersonId}`, c.assigneePersonName);
      if (c.assigneeUnitId && c.assigneeUnitName) known.set(`unit:${c.assigneeUnitId}`, c.assigneeUnitName);
    }
    return (kind: "person" | "unit", id: string | null) => (id ? (known.get(`${kind}:${id}`) ?? "…") : null);
  }, [all]);
  const assigneeOf = (c: ResponseCase) =>
    [names("person", c.assigneePersonId), names("unit", c.assigneeUnitId)].filter(Boolean).join(" · ") ||
    null;

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key === "mine" });
  };

  const move = async (c: ResponseCase, state: CaseState) => {
    if (c.state === state) return;
    setMoving(c.id);
    try {
      await monitoringApi.updateCase(c.id, { version: c.version, state });
      message.success(t("monitoring.cases.moved", { state: t(`monitoring.caseStates.${state}`) }));
      board.reload();
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
      board.reload();
    } finally {
      setMoving(null);
    }
  };

  const drop = (state: CaseState) => (e: DragEvent) => {
    e.preventDefault();
    setDropTarget(null);
    const c = all.find((x) => x.id === e.dataTransfer.getData("text/plain"));
    if (c) void move(c, state);
  };

  return (
    <>
      <PageHeader
        title={t("monitoring.cases.title")}
        description={t(hasRole(...CASE_OPENERS) ? "monitoring.cases.intro" : "monitoring.cases.introMember")}
        actions={
          <>
            {hasRole(...CASE_OPENERS) && (
              <Checkbox checked={isMine} onChange={(e) => setParam("mine", e.target.checked ? "true" : null)}>
                {t("monitoring.cases.mine")}
              </Checkbox>
            )}
            <Button icon={<ReloadOutlined />} onClick={board.reload}>
              {t("monitoring.feed.refresh")}
            </Button>
          </>
        }
      />
      {board.error && <Alert type="error" showIcon title={board.error} className="hd-mb" role="alert" />}
      <Spin spinning={board.loading && !board.data}>
        <div className="hd-mon-board" data-testid="case-board">
          {CASE_STATES.map((state) => {
            const cases = board.data?.[state] ?? [];
            return (
              <section
                key={state}
                aria-labelledby={`col-${state}`}
                className={`hd-mon-column${dropTarget === state ? " is-drop-target" : ""}`}
                data-testid={`case-column-${state}`}
                onDragOver={(e) => {
                  e.preventDefault();
                  setDropTarget(state);
                }}
                onDragLeave={() => setDropTarget(null)}
                onDrop={drop(state)}
              >
                <h2 id={`col-${state}`} className="hd-mon-column-head">
                  {t(`monitoring.caseStates.${state}`)}
                  <Badge count={cases.length} showZero color="#8c8c8c" />
                </h2>
                {cases.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("monitoring.cases.empty")} />
                ) : (
                  <ul className="hd-mon-column-list">
                    {cases.map((c) => (
                      <li key={c.id}>
                        <CaseCard
                          c={c}
                          assignee={assigneeOf(c)}
                          isMoving={moving === c.id}
                          onOpen={() => setParam("case", c.id)}
                          onMove={(next) => move(c, next)}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      </Spin>
      {openCase && (
        <CaseDrawer
          caseId={openCase}
          names={names}
          onClose={() => setParam("case", null)}
          onSaved={() => {
            message.success(t("monitoring.cases.saved"));
            board.reload();
          }}
        />
      )}
    </>
  );
}
