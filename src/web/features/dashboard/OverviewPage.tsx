import { FileExcelOutlined, FileTextOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Empty, List, Row, Spin, Statistic } from "antd";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { download, isApiError } from "../../api/client";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { followUpApi, OVERDUE_BUCKETS, TASK_STATUSES, type TaskStatus } from "../follow-up/follow-up-api";
import { MyTasksTable } from "../follow-up/MyTasksTable";
import { ProgrammeToolbar } from "../follow-up/ProgrammeToolbar";
import { REPORT_READERS } from "../follow-up/roles";
import { StatusTable } from "../follow-up/StatusTable";
import { StatusTag } from "../follow-up/status-labels";
import { useProgrammeChoice } from "../follow-up/use-programme-choice";
import { Chart } from "./Chart";
import { bucketBar, groupBars, quarterBars, statusPie } from "./dashboard-charts";

/**
 * The dashboard counts a result from the day it is confirmed; the semi-annual and annual reports stop at
 * their cut-off (14/6, 14/12). Read between the cut-off and the end of the half-year, the two disagree on
 * results confirmed in between: say so, with the rule.
 */
function CutoffNote({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const [year, month, day] = asOf.split("-").map(Number) as [number, number, number];
  if ((month !== 6 && month !== 12) || day < 15) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="hd-mb"
      data-testid="cutoff-note"
      title={t(month === 6 ? "dashboard.cutoff.semiannual" : "dashboard.cutoff.annual", {
        asOf: formatDate(asOf),
        cutoff: formatDate(`${year}-${month === 6 ? "06" : "12"}-14`),
      })}
    />
  );
}

type Drill = Partial<Record<"status" | "directing" | "lead" | "bucket" | "asOf", string>>;

/** The follow-up dashboard for leaders and the secretariat; members see what is due from them. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  if (!hasRole(...REPORT_READERS)) {
    return (
      <>
        <PageHeader
          title={t("dashboard.title")}
          description={t("dashboard.welcome", { name: user?.displayName ?? "" })}
        />
        <Card title={<h2 className="hd-card-title">{t("nav.myTasks")}</h2>}>
          <MyTasksTable />
        </Card>
      </>
    );
  }
  return <FollowUpDashboard />;
}

function FollowUpDashboard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const choice = useProgrammeChoice(["asOf"]);
  const { programme, params, setParams } = choice;
  const asOfParam = params.get("asOf") ?? undefined;
  const programmeId = programme?.id;
  const load = useCallback(
    (signal: AbortSignal) => followUpApi.dashboard(programmeId ?? "", asOfParam, signal),
    [programmeId, asOfParam],
  );
  const dashboard = useApiData(programmeId ? load : null);
  const d = dashboard.data;

  const drill = (filters: Drill) => {
    const next = new URLSearchParams({ programme: programmeId ?? "", ...(d && { asOf: d.asOf }) });
    for (const [key, value] of Object.entries(filters)) if (value) next.set(key, value);
    navigate(`/follow-up?${next}`);
  };

  const options = useMemo(
    () =>
      d && {
        pie: statusPie(d, t),
        buckets: bucketBar(d, t),
        directing: groupBars(d.byDirecting, t),
        leadPerson: groupBars(d.byLeadPerson, t),
        leadUnit: groupBars(d.byLeadUnit, t),
        quarters: quarterBars(d, t),
      },
    [d, t],
  );

  const exportAs = async (format: "csv" | "xlsx") => {
    if (!programmeId) return;
    try {
      await download(
        `/api/programmes/${programmeId}/statuses`,
        { format, asOf: d?.asOf },
        `trang-thai.${format}`,
      );
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  const setAsOf = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set("asOf", value);
    else next.delete("asOf");
    setParams(next);
  };

  const statusOf = (id: string | undefined): TaskStatus | undefined => TASK_STATUSES.find((s) => s === id);
  const groupHeight = (n: number) => Math.max(200, Math.min(n, 15) * 30 + 70);

  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        description={t("dashboard.followUpIntro")}
        actions={
          <>
            <Button icon={<FileTextOutlined />} onClick={() => exportAs("csv")} disabled={!d}>
              {t("followUp.exportCsv")}
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={() => exportAs("xlsx")} disabled={!d}>
              {t("followUp.exportXlsx")}
            </Button>
          </>
        }
      />
      <ProgrammeToolbar
        programmes={choice.programmes}
        programme={programme}
        onProgramme={choice.choose}
        asOf={asOfParam ?? d?.asOf ?? null}
        onAsOf={setAsOf}
      />
      {(choice.error || dashboard.error) && (
        <Alert type="error" showIcon title={choice.error ?? dashboard.error} className="hd-mb" role="alert" />
      )}
      {d && <CutoffNote asOf={d.asOf} />}
      {!choice.loading && !programme && <Empty description={t("followUp.noProgramme")} />}
      {programme && !d && !dashboard.error && <Spin size="large" className="hd-fullpage-spinner" />}
      {d && options && (
        <Row gutter={[16, 16]} data-testid="dashboard">
          {(["total", "completed", "overdue", "awaiting_due_date"] as const).map((key) => {
            const value =
              key === "total"
                ? d.summary.total
                : key === "completed"
                  ? d.summary.byStatus.completed_on_time + d.summary.byStatus.completed_late
                  : d.summary.byStatus[key];
            return (
              <Col key={key} xs={12} lg={6}>
                <Card size="small">
                  <Link
                    to={`/follow-up?programme=${d.programme.id}&asOf=${d.asOf}${key === "overdue" || key === "awaiting_due_date" ? `&status=${key}` : key === "completed" ? "&status=completed" : ""}`}
                    className="hd-stat-link"
                  >
                    <Statistic
                      title={t(`dashboard.stat.${key}`)}
                      value={value}
                      className={key === "overdue" && value > 0 ? "hd-stat-danger" : undefined}
                    />
                  </Link>
                </Card>
              </Col>
            );
          })}
          <Col xs={24} lg={12}>
            <Card title={<h2 className="hd-card-title">{t("dashboard.byStatus")}</h2>}>
              <Chart
                option={options.pie}
                label={t("dashboard.byStatus")}
                testId="chart-status"
                onClick={(c) => drill({ status: statusOf(c.dataId) })}
              />
              <ul className="hd-legend-links" aria-label={t("dashboard.byStatus")}>
                {TASK_STATUSES.filter((s) => d.summary.byStatus[s] > 0).map((s) => (
                  <li key={s}>
                    <button type="button" className="hd-link-button" onClick={() => drill({ status: s })}>
                      <StatusTag status={s} /> {d.summary.byStatus[s]}
                    </button>
                  </li>
                ))}
              </ul>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={<h2 className="hd-card-title">{t("dashboard.overdueAge")}</h2>}>
              <Chart
                option={options.buckets}
                label={t("dashboard.overdueAge")}
                testId="chart-buckets"
                onClick={(c) => drill({ status: "overdue", bucket: OVERDUE_BUCKETS[c.dataIndex] })}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={<h2 className="hd-card-title">{t("dashboard.byDirecting")}</h2>}>
              <Chart
                option={options.directing}
                label={t("dashboard.byDirecting")}
                height={groupHeight(d.byDirecting.length)}
                onClick={(c) => drill({ directing: c.name, status: statusOf(c.seriesId) })}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={<h2 className="hd-card-title">{t("dashboard.byLeadPerson")}</h2>}>
              <Chart
                option={options.leadPerson}
                label={t("dashboard.byLeadPerson")}
                height={groupHeight(d.byLeadPerson.length)}
                onClick={(c) => drill({ lead: c.name, status: statusOf(c.seriesId) })}
              />
            </Card>
          </Col>
          {d.byLeadUnit.length > 0 && (
            <Col xs={24} lg={12}>
              <Card title={<h2 className="hd-card-title">{t("dashboard.byLeadUnit")}</h2>}>
                <Chart
                  option={options.leadUnit}
                  label={t("dashboard.byLeadUnit")}
                  height={groupHeight(d.byLeadUnit.length)}
                  onClick={(c) => drill({ lead: c.name, status: statusOf(c.seriesId) })}
                />
              </Card>
            </Col>
          )}
          <Col xs={24} lg={12}>
            <Card title={<h2 className="hd-card-title">{t("dashboard.byQuarter")}</h2>}>
              <Chart
                option={options.quarters}
                label={t("dashboard.byQuarter")}
                onClick={(c) => {
                  const q = d.progressByQuarter[c.dataIndex];
                  if (q)
                    drill({
                      asOf: q.asOf,
                      status:
                        c.seriesId === "overdue"
                          ? "overdue"
                          : c.seriesId === "completed"
                            ? "completed"
                            : undefined,
                    });
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card
              title={<h2 className="hd-card-title">{t("dashboard.upcoming", { count: d.upcomingTotal })}</h2>}
              extra={<Link to={`/follow-up/calendar?programme=${d.programme.id}`}>{t("nav.calendar")}</Link>}
            >
              {d.upcoming.length ? (
                <List
                  size="small"
                  dataSource={d.upcoming.slice(0, 10)}
                  renderItem={(e) => (
                    <List.Item key={`${e.taskId}-${e.date}-${e.kind}`}>
                      <span className="hd-nowrap hd-strong">{formatDate(e.date)}</span>{" "}
                      <Link to={`/tasks/${e.taskId}?tab=follow-up`}>{e.ref}</Link>{" "}
                      <span className="hd-muted">{t(`followUp.eventKinds.${e.kind}`)}</span>
                    </List.Item>
                  )}
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.noUpcoming")} />
              )}
            </Card>
          </Col>
          <Col xs={24}>
            <Card
              title={
                <h2 className="hd-card-title">{t("dashboard.overdueList", { count: d.overdueTotal })}</h2>
              }
              extra={
                <Link to={`/follow-up?programme=${d.programme.id}&asOf=${d.asOf}&status=overdue`}>
                  {t("dashboard.seeAll")}
                </Link>
              }
            >
              <StatusTable rows={d.overdue.slice(0, 10)} compact />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
