import { ImportOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Spin, Tabs, Tag } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { clipAtWord, formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { PROGRAMME_EDITORS, useAuth } from "../auth/auth-context";
import { timeframeKindKey } from "./labels";
import { MatrixView } from "./MatrixView";
import { type ProgrammeDetail, programmeLabel, programmesApi } from "./programmes-api";
import { TasksTable } from "./TasksTable";
import { TimelineView } from "./TimelineView";

type View = "tasks" | "matrix" | "timeline";

function ProgrammeSummary({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const bySection = programme.counts?.bySection ?? {};
  const byKind = programme.counts?.byTimeframeKind ?? {};
  return (
    <Card className="hd-mb">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: "number", label: t("programmes.doc.number"), children: programme.number ?? "—" },
          {
            key: "date",
            label: t("programmes.doc.date"),
            children: <span className="hd-nowrap">{formatDate(programme.date) || "—"}</span>,
          },
          {
            key: "issuer",
            label: t("programmes.doc.issuer"),
            children: [programme.issuer, programme.parentIssuer].filter(Boolean).join(" — ") || "—",
          },
          {
            key: "period",
            label: t("programmes.doc.period"),
            children: programme.period
              ? `${formatDate(programme.period.start)} – ${formatDate(programme.period.end)}`
              : "—",
          },
          {
            key: "version",
            label: t("programmes.version"),
            children: (
              <>
                <span className="hd-nowrap">{t("programmes.versionN", { version: programme.version })}</span>{" "}
                {programme.status === "superseded" && <Tag>{t("programmes.superseded")}</Tag>}
                {programme.supersedesId && (
                  <Link to={`/programmes/${programme.supersedesId}`}>{t("programmes.previousVersion")}</Link>
                )}
                {programme.supersedesId && programme.effectiveFrom && (
                  <div className="hd-muted">
                    {t("imports.versionPlan.pageEffectiveFrom", {
                      date: formatDate(programme.effectiveFrom),
                    })}
                  </div>
                )}
              </>
            ),
          },
          {
            key: "timeframes",
            label: t("programmes.timeframe"),
            children: (
              <span className="hd-tag-wrap">
                {Object.entries(byKind).map(([kind, n]) => (
                  <Tag key={kind}>
                    {t(timeframeKindKey(kind))}: {n}
                  </Tag>
                ))}
              </span>
            ),
          },
        ]}
      />
      <ul className="hd-sections" aria-label={t("programmes.sections")}>
        {programme.sections.map((s) => (
          <li key={s.ref}>
            <span className="hd-strong">
              {s.ref}. {s.heading}
            </span>
            {s.kind === "tasks" || bySection[s.ref] ? (
              <Tag color="blue" className="hd-ml">
                {t("programmes.taskCountN", { count: bySection[s.ref] ?? 0 })}
              </Tag>
            ) : null}
          </li>
        ))}
      </ul>
      {(programme.removedTasks ?? []).length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="removed-tasks"
          title={t("imports.versionPlan.pageRemoved")}
          description={
            <ul className="hd-confirm-list">
              {(programme.removedTasks ?? []).map((r) => (
                <li key={r.id}>
                  <Link to={`/tasks/${r.id}`}>{r.ref}</Link> {clipAtWord(r.text, 120)}{" "}
                  <span className="hd-muted">
                    {t("imports.versionPlan.pageRemovedOn", {
                      date: formatDate(r.removedOn),
                      version: r.version,
                    })}
                  </span>
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}

/** A programme: header, sections and counts, then its tasks, the "who does what" matrix or the timeline. */
export default function ProgrammePage({ view }: { view: View }) {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const programme = useApiData(useCallback((signal: AbortSignal) => programmesApi.get(id, signal), [id]));
  const matrix = useApiData(useCallback((signal: AbortSignal) => programmesApi.matrix(id, signal), [id]));
  const loadTimeline = useCallback((signal: AbortSignal) => programmesApi.timeline(id, signal), [id]);
  const timeline = useApiData(view === "timeline" ? loadTimeline : null);

  if (programme.error) return <Alert type="error" showIcon title={programme.error} role="alert" />;
  if (!programme.data) return <Spin size="large" className="hd-fullpage-spinner" />;
  const p = programme.data;
  const base = `/programmes/${id}`;

  return (
    <>
      <PageHeader
        title={p.title ?? programmeLabel(p)}
        description={programmeLabel(p)}
        actions={
          hasRole(...PROGRAMME_EDITORS) && (
            <Button icon={<ImportOutlined />} onClick={() => navigate("/programmes/import")}>
              {t("programmes.importNewVersion")}
            </Button>
          )
        }
      />
      <ProgrammeSummary programme={p} />
      <Card>
        <Tabs
          activeKey={view}
          onChange={(key) => navigate(key === "tasks" ? base : `${base}/${key}`)}
          items={[
            { key: "tasks", label: t("programmes.tabs.tasks") },
            { key: "matrix", label: t("programmes.tabs.matrix") },
            { key: "timeline", label: t("programmes.tabs.timeline") },
          ]}
        />
        {view === "tasks" && (
          <TasksTable programmeId={id} sections={p.sections} people={matrix.data?.rows ?? []} />
        )}
        {view === "matrix" && <MatrixView matrix={matrix.data} error={matrix.error} />}
        {view === "timeline" && <TimelineView timeline={timeline.data} error={timeline.error} />}
      </Card>
    </>
  );
}
