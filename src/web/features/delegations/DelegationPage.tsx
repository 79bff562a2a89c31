import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, List, Space, Spin, Tag } from "antd";
import { Fragment, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { DelegationDto, DelegationStatus } from "../../../shared/api/delegations";
import { isApiError } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { LinkedTasksCard } from "../registers/LinkedTasksCard";
import { CoverageCard } from "./CoverageCard";
import { DelegationFormDrawer } from "./DelegationFormDrawer";
import { DELEGATION_MANAGERS, STATUS_COLORS } from "./DelegationsPage";
import { delegationsApi } from "./delegations-api";

/** One delegation: its details, status steps, agreements and coverage. */
export default function DelegationPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const canManage = hasRole(...DELEGATION_MANAGERS);
  const data = useApiData(useCallback((signal: AbortSignal) => delegationsApi.get(id, signal), [id]));
  const [editing, setEditing] = useState(false);
  const loadCoverage = useCallback((signal: AbortSignal) => delegationsApi.coverage(id, signal), [id]);
  const decide = useCallback(
    (itemId: string, decision: "confirmed" | "rejected") => delegationsApi.decide(id, itemId, decision),
    [id],
  );

  if (data.error) return <Alert type="error" showIcon title={data.error} />;
  const d = data.data;
  if (!d) return <Spin />;

  const move = async (status: DelegationStatus) => {
    try {
      data.setData(await delegationsApi.changeStatus(d.id, status));
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };
  const remove = () =>
    modal.confirm({
      title: t("delegations.deleteConfirm"),
      okButtonProps: { danger: true },
      okText: t("delegations.delete"),
      onOk: async () => {
        await delegationsApi.remove(d.id);
        navigate("/delegations");
      },
    });
  const person = (p: DelegationDto["head"]) =>
    p ? (
      <span data-testid="delegation-person">
        {[p.name, p.title].filter(Boolean).join(", ")}
        {p.personId && (
          <Tag color="blue" style={{ marginInlineStart: 6 }}>
            {t("registers.person.fromDirectory")}
          </Tag>
        )}
      </span>
    ) : (
      "—"
    );
  const plan = d.informationPlan;

  return (
    <>
      <PageHeader
        title={d.title}
        actions={
          <Space wrap>
            <Link to="/delegations">
              <Button icon={<ArrowLeftOutlined />}>{t("delegations.back")}</Button>
            </Link>
            {d.canEdit &&
              d.nextStatuses.map((s) => (
                <Button key={s} danger={s === "cancelled"} onClick={() => move(s)}>
                  {t("delegations.moveTo", { status: t(`delegations.status.${s}`) })}
                </Button>
              ))}
            {d.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("delegations.edit")}
              </Button>
            )}
            {canManage && (
              <Button danger icon={<DeleteOutlined />} onClick={remove}>
                {t("delegations.delete")}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="hd-mb">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("delegations.fields.status")}>
            <Tag color={STATUS_COLORS[d.status]}>{t(`delegations.status.${d.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t("delegations.fields.direction")}>
            {t(`delegations.direction.${d.direction}`)} · {t(`delegations.channel.${d.channel}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t("delegations.fields.country")}>
            {d.countryName} ({d.countryCode})
          </Descriptions.Item>
          <Descriptions.Item label={t("delegations.fields.partner")}>{d.partner ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("delegations.fields.dates")}>
            {d.startDate} – {d.endDate}
          </Descriptions.Item>
          <Descriptions.Item label={t("delegations.fields.level")}>{d.level ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("delegations.fields.head")}>{person(d.head)}</Descriptions.Item>
          <Descriptions.Item label={t("delegations.fields.members")}>
            {d.members.length > 0
              ? d.members.map((m, i) => (
                  <Fragment key={`${m.personId ?? m.name}-${m.title ?? ""}`}>
                    {i > 0 && "; "}
                    {person(m)}
                  </Fragment>
                ))
              : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("delegations.fields.plan")}>
            <Space wrap>
              {plan.pressRelease && <Tag>{t("delegations.fields.pressRelease")}</Tag>}
              {plan.photos && <Tag>{t("delegations.fields.photos")}</Tag>}
              {plan.interviews && <Tag>{t("delegations.fields.interviews")}</Tag>}
              {plan.languages.map((l) => (
                <Tag key={l} color="blue">
                  {l}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t("delegations.fields.responsibleUnit")}>
            {plan.responsibleUnitName ?? "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("delegations.fields.authorisation")}>
            {d.authorisation
              ? `${d.authorisation.number} — ${d.authorisation.date} — ${d.authorisation.issuer}`
              : "—"}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Space direction="vertical" style={{ width: "100%" }}>
        {d.itinerary.length > 0 && (
          <Card title={t("delegations.fields.itinerary")} size="small">
            <List
              size="small"
              dataSource={d.itinerary}
              renderItem={(line) => <List.Item>{line}</List.Item>}
            />
          </Card>
        )}
        {d.agreements.length > 0 && (
          <Card title={t("delegations.fields.agreements")} size="small">
            <List
              size="small"
              dataSource={d.agreements}
              renderItem={(a) => (
                <List.Item>
                  {a.title} — {a.partner} ({a.date})
                </List.Item>
              )}
            />
          </Card>
        )}
        <CoverageCard load={loadCoverage} decide={decide} canDecide={canManage} />
        <LinkedTasksCard kind="delegation" recordId={d.id} canEdit={d.canEdit} />
      </Space>
      <DelegationFormDrawer
        open={editing}
        delegation={d}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          data.setData(saved);
        }}
      />
    </>
  );
}
