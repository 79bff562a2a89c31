import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, SafetyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Space, Spin, Table, Tag } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { PressVisitDto } from "../../../shared/api/press-visits";
import { isApiError } from "../../api/client";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { CoverageCard } from "../delegations/CoverageCard";
import { LinkedTasksCard } from "../registers/LinkedTasksCard";
import { PressVisitFormDrawer } from "./PressVisitFormDrawer";
import { PRESS_MANAGERS } from "./PressVisitsPage";
import { pressVisitsApi } from "./press-visits-api";

/** One press visit: programme, reporters (names only for those allowed), personal data, articles. */
export default function PressVisitPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const canManage = hasRole(...PRESS_MANAGERS);
  const isAdmin = hasRole("admin");
  const data = useApiData(useCallback((signal: AbortSignal) => pressVisitsApi.get(id, signal), [id]));
  const [editing, setEditing] = useState(false);
  const loadCoverage = useCallback((signal: AbortSignal) => pressVisitsApi.coverage(id, signal), [id]);
  const decide = useCallback(
    (itemId: string, decision: "confirmed" | "rejected") => pressVisitsApi.decide(id, itemId, decision),
    [id],
  );

  if (data.error) return <Alert type="error" showIcon title={data.error} />;
  const v = data.data;
  if (!v) return <Spin />;

  const erase = () =>
    modal.confirm({
      title: t("pressVisits.personal.eraseConfirm"),
      okButtonProps: { danger: true },
      okText: t("pressVisits.personal.erase"),
      onOk: async () => {
        try {
          data.setData(await pressVisitsApi.erasePersonalData(v.id));
        } catch (err) {
          message.error(isApiError(err) ? err.message : String(err));
        }
      },
    });
  const remove = () =>
    modal.confirm({
      title: t("pressVisits.deleteConfirm"),
      okButtonProps: { danger: true },
      okText: t("pressVisits.delete"),
      onOk: async () => {
        await pressVisitsApi.remove(v.id);
        navigate("/press-visits");
      },
    });
  const list = (items: string[]) => (items.length > 0 ? items.join("; ") : "—");

  return (
    <>
      <PageHeader
        title={v.groupName}
        actions={
          <Space wrap>
            <Link to="/press-visits">
              <Button icon={<ArrowLeftOutlined />}>{t("pressVisits.back")}</Button>
            </Link>
            {canManage && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("pressVisits.edit")}
              </Button>
            )}
            {isAdmin && !v.personalErasedAt && v.peopleCount > 0 && (
              <Button icon={<SafetyOutlined />} onClick={erase}>
                {t("pressVisits.personal.erase")}
              </Button>
            )}
            {canManage && (
              <Button danger icon={<DeleteOutlined />} onClick={remove}>
                {t("pressVisits.delete")}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="hd-mb">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("pressVisits.fields.dates")}>
            {v.startDate} – {v.endDate}
          </Descriptions.Item>
          <Descriptions.Item label={t("pressVisits.fields.approval")}>
            {v.approval
              ? `${v.approval.number} — ${v.approval.date}${v.approval.authority ? ` — ${v.approval.authority}` : ""}`
              : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("pressVisits.fields.people")}>{v.peopleCount}</Descriptions.Item>
          <Descriptions.Item label={t("pressVisits.fields.outlets")}>{list(v.outlets)}</Descriptions.Item>
          <Descriptions.Item label={t("pressVisits.fields.country")}>{list(v.countries)}</Descriptions.Item>
          <Descriptions.Item label={t("pressVisits.fields.topics")}>
            <Space wrap>
              {v.topics.map((topic) => (
                <Tag key={topic}>{topic}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t("pressVisits.fields.programme")}>{list(v.programme)}</Descriptions.Item>
          <Descriptions.Item label={t("pressVisits.fields.escorts")}>{list(v.escorts)}</Descriptions.Item>
          <Descriptions.Item label={t("pressVisits.fields.materials")}>{list(v.materials)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t("pressVisits.fields.reporters")} className="hd-mb">
        <Alert
          className="hd-mb"
          showIcon
          type={v.personalErasedAt ? "warning" : "info"}
          title={
            v.personalErasedAt
              ? t("pressVisits.personal.erased", { date: formatDate(v.personalErasedAt) })
              : v.showsPersonalData
                ? t("pressVisits.personal.retention", { date: v.retentionEndsOn })
                : t("pressVisits.personal.hidden")
          }
        />
        <Table<PressVisitDto["reporters"][number]>
          size="small"
          pagination={false}
          rowKey={(_, index) => String(index)}
          dataSource={v.reporters}
          columns={[
            ...(v.showsPersonalData
              ? [
                  { title: t("pressVisits.fields.name"), dataIndex: "name" },
                  { title: t("pressVisits.fields.role"), dataIndex: "role" },
                ]
              : []),
            { title: t("pressVisits.fields.outlet"), dataIndex: "outlet" },
            { title: t("pressVisits.fields.country"), dataIndex: "countryName" },
          ]}
        />
      </Card>
      <CoverageCard load={loadCoverage} decide={decide} canDecide={canManage} />
      <LinkedTasksCard kind="press_visit" recordId={v.id} canEdit={canManage} />
      <PressVisitFormDrawer
        open={editing}
        visit={v}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          data.setData(saved);
        }}
      />
    </>
  );
}
