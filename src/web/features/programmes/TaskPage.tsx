import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Spin,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { PersonFormDrawer } from "../directory/PersonFormDrawer";
import { UnitFormDrawer } from "../directory/UnitFormDrawer";
import { TaskFollowUpPanel } from "../follow-up/TaskFollowUpPanel";
import { PARTY_ROLES, type PartyRole } from "../imports/parsed-programme";
import { TaskRecordsCard } from "../registers/TaskRecordsCard";
import { roleLongKey, timeframeKindKey } from "./labels";
import { KIND_ICONS, partyName, RoleChip } from "./PartyChips";
import {
  fetchSourceLines,
  programmeLabel,
  programmesApi,
  type TaskDetail,
  type TaskParty,
} from "./programmes-api";

type Opened = { kind: "person" | "unit"; id: string } | null;

const partiesIn = (task: TaskDetail, role: PartyRole) =>
  role === "directing" ? task.directing : role === "lead" ? task.leads : task.coordinators;

function PartyLine({ party, onOpen }: { party: TaskParty; onOpen(opened: Opened): void }) {
  const { t } = useTranslation();
  const linked = party.personId
    ? ({ kind: "person", id: party.personId } as const)
    : party.unitId
      ? ({ kind: "unit", id: party.unitId } as const)
      : null;
  return (
    <li className="hd-party-line">
      {KIND_ICONS[party.kind]}{" "}
      {linked ? (
        <Button type="link" className="hd-inline-link" onClick={() => onOpen(linked)}>
          {partyName(party)}
        </Button>
      ) : (
        <span>{partyName(party)}</span>
      )}
      {!linked && party.kind !== "group" && <Tag className="hd-ml">{t("programmes.notInDirectory")}</Tag>}
    </li>
  );
}

/** One task: full text, footnotes, parties (linked to the directory), time frame, citations, source lines. */
export default function TaskPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const [opened, setOpened] = useState<Opened>(null);
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "follow-up" ? "follow-up" : "task";
  const task = useApiData(useCallback((signal: AbortSignal) => programmesApi.task(id, signal), [id]));
  const programmeId = task.data?.programmeId;
  const loadSource = useCallback(
    (signal: AbortSignal) => fetchSourceLines(programmeId ?? "", signal),
    [programmeId],
  );
  const source = useApiData(programmeId ? loadSource : null);

  if (task.error) return <Alert type="error" showIcon title={task.error} role="alert" />;
  if (!task.data) return <Spin size="large" className="hd-fullpage-spinner" />;
  const data = task.data;
  const tf = data.timeframe;
  const programmeName = programmeLabel(data.programme);
  const start = data.source.lineStart;
  const sourceLines =
    start && source.data ? source.data.slice(start - 1, data.source.lineEnd ?? start) : null;

  return (
    <>
      <Breadcrumb
        className="hd-mb-s"
        items={[
          { title: <Link to="/programmes">{t("nav.programmeList")}</Link> },
          { title: <Link to={`/programmes/${data.programmeId}`}>{programmeName}</Link> },
          { title: t("programmes.taskN", { ref: data.ref }) },
        ]}
      />
      <PageHeader
        title={t("programmes.taskTitle", { ref: data.ref })}
        description={t(data.kind === "general" ? "programmes.generalTask" : "programmes.specificTask")}
        actions={
          <Link to={`/programmes/${data.programmeId}`}>
            <Button icon={<ArrowLeftOutlined />}>{t("programmes.backToProgramme")}</Button>
          </Link>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "task" ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: "task",
            label: t("followUp.taskTabs.task"),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={15}>
                  <Card
                    title={<h2 className="hd-card-title">{t("programmes.taskText")}</h2>}
                    className="hd-mb"
                  >
                    <div className="hd-task-fulltext" data-testid="task-text">
                      {data.text.split(/\n{2,}/).map((para, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text.
                        <Typography.Paragraph key={i}>{para}</Typography.Paragraph>
                      ))}
                    </div>
                    {data.footnotes.length > 0 && (
                      <>
                        <h3 className="hd-subheading">{t("programmes.footnotes")}</h3>
                        <ol className="hd-footnotes">
                          {data.footnotes.map((note) => (
                            <li key={note.mark}>
                              <sup>{note.mark}</sup> {note.text}
                            </li>
                          ))}
                        </ol>
                      </>
                    )}
                    {data.products.length > 0 && (
                      <>
                        <h3 className="hd-subheading">{t("programmes.products")}</h3>
                        <ul>
                          {data.products.map((product) => (
                            <li key={product}>{product}</li>
                          ))}
                        </ul>
                      </>
                    )}
                  </Card>
                  <Card title={<h2 className="hd-card-title">{t("programmes.citations")}</h2>}>
                    {data.citations?.length ? (
                      <List
                        size="small"
                        dataSource={data.citations}
                        renderItem={(c) => (
                          <List.Item key={c.id}>
                            <span>
                              {c.kind}{" "}
                              {c.number ? (
                                <Link to={`/programmes/citations?number=${encodeURIComponent(c.number)}`}>
                                  {c.number}
                                </Link>
                              ) : null}
                              {c.issuer && <span className="hd-muted"> — {c.issuer}</span>}
                              {c.date && <span className="hd-muted"> ({formatDate(c.date)})</span>}
                            </span>
                          </List.Item>
                        )}
                      />
                    ) : (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("programmes.noCitations")} />
                    )}
                  </Card>
                </Col>
                <Col xs={24} xl={9}>
                  <Card
                    title={<h2 className="hd-card-title">{t("programmes.parties")}</h2>}
                    className="hd-mb"
                  >
                    {PARTY_ROLES.map((role) => (
                      <section key={role} className="hd-role-block" aria-label={t(roleLongKey(role))}>
                        <RoleChip role={role} />
                        <ul className="hd-party-lines">
                          {partiesIn(data, role).length ? (
                            partiesIn(data, role).map((party, i) => (
                              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list; a name may appear twice with different scopes.
                              <PartyLine key={`${party.name}-${i}`} party={party} onOpen={setOpened} />
                            ))
                          ) : (
                            <li className="hd-muted">—</li>
                          )}
                        </ul>
                      </section>
                    ))}
                  </Card>
                  <TaskRecordsCard taskId={data.id} />
                  <Card
                    title={<h2 className="hd-card-title">{t("programmes.timeframe")}</h2>}
                    className="hd-mb"
                  >
                    <Descriptions
                      size="small"
                      column={1}
                      layout="vertical"
                      items={[
                        { key: "text", label: t("imports.timeframeText"), children: tf.text ?? "—" },
                        {
                          key: "kind",
                          label: t("imports.timeframeKind"),
                          children: t(timeframeKindKey(tf.kind)),
                        },
                        { key: "start", label: t("imports.start"), children: formatDate(tf.start) || "—" },
                        { key: "end", label: t("imports.end"), children: formatDate(tf.end) || "—" },
                        {
                          key: "milestones",
                          label: t("imports.milestones"),
                          children: tf.milestones?.length
                            ? tf.milestones
                                .map((m) => `${formatDate(m.due)}${m.label ? ` (${m.label})` : ""}`)
                                .join("; ")
                            : "—",
                        },
                        ...(tf.plan ? [{ key: "plan", label: t("imports.plan"), children: tf.plan }] : []),
                        ...(data.dueDate
                          ? [
                              {
                                key: "due",
                                label: t("programmes.dueDate"),
                                children: formatDate(data.dueDate),
                              },
                            ]
                          : []),
                      ]}
                    />
                  </Card>
                  <Card title={<h2 className="hd-card-title">{t("programmes.source")}</h2>}>
                    {data.source.lineStart ? (
                      <>
                        <p>
                          {t("imports.lines", {
                            start: data.source.lineStart,
                            end: data.source.lineEnd ?? data.source.lineStart,
                          })}
                        </p>
                        {sourceLines?.length ? (
                          <ol className="hd-source-lines hd-source-mini" start={start ?? 1}>
                            {sourceLines.map((line, i) => (
                              // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text.
                              <li key={i} className="hd-source-line">
                                <span className="hd-source-no" aria-hidden>
                                  {(start ?? 1) + i}
                                </span>
                                <span className="hd-source-txt">{line || "\u00a0"}</span>
                              </li>
                            ))}
                          </ol>
                        ) : null}
                        <a href={`/api/programmes/${data.programmeId}/source`} download>
                          {t("programmes.downloadSource")}
                        </a>
                      </>
                    ) : (
                      <span className="hd-muted">—</span>
                    )}
                  </Card>
                </Col>
              </Row>
            ),
          },
          {
            key: "follow-up",
            label: t("nav.followUp"),
            children: <TaskFollowUpPanel task={data} />,
          },
        ]}
      />
      <PersonFormDrawer
        open={opened?.kind === "person"}
        personId={opened?.kind === "person" ? opened.id : null}
        readOnly
        onClose={() => setOpened(null)}
        onSaved={() => setOpened(null)}
      />
      <UnitFormDrawer
        open={opened?.kind === "unit"}
        unitId={opened?.kind === "unit" ? opened.id : null}
        readOnly
        onClose={() => setOpened(null)}
        onSaved={() => setOpened(null)}
      />
    </>
  );
}
