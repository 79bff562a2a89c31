import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Upload,
} from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import {
  EXCHANGE_CHANNELS,
  EXCHANGE_DIRECTIONS,
  PARTNER_KINDS,
  type Partner,
  type PartnerAgreement,
  type PartnerExchange,
} from "../../../shared/api/partners";
import { isApiError } from "../../api/client";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { fileToBase64 } from "../../components/registers/file-base64";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { LinkedTasksCard } from "../registers/LinkedTasksCard";
import { PartnerItemModal } from "./PartnerItemModal";
import { PARTNER_MANAGERS } from "./PartnersPage";
import { partnersApi } from "./partners-api";

type Dialog = null | "edit" | "contact" | "agreement" | "activity" | "exchange";
const day = (d: Dayjs | undefined | null) => (d ? d.format("YYYY-MM-DD") : null);
const STATE_COLORS = { active: "green", expiring: "orange", expired: "red", open_ended: "default" } as const;

/** One partner: details, agreements, the history of information exchanged both ways, contacts, activities. */
export default function PartnerPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const canManage = hasRole(...PARTNER_MANAGERS);
  const load = useCallback((signal: AbortSignal) => partnersApi.get(id, signal), [id]);
  const { data, error, loading, reload } = useApiData(load);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [file, setFile] = useState<File | null>(null);

  const fail = (err: unknown) => message.error(isApiError(err) ? err.message : String(err));
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setDialog(null);
      setFile(null);
      reload();
    } catch (err) {
      fail(err);
    }
  };
  const removeButton = (list: "contacts" | "agreements" | "activities" | "exchanges", itemId: string) =>
    canManage && (
      <Popconfirm
        title={t("partners.remove")}
        onConfirm={() => run(() => partnersApi.removeItem(id, list, itemId))}
      >
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t("partners.remove")} />
      </Popconfirm>
    );
  const addButton = (which: Dialog, what: string) =>
    canManage && (
      <Button
        size="small"
        icon={<PlusOutlined />}
        aria-label={`${t("partners.addItem")}: ${what}`}
        onClick={() => setDialog(which)}
      >
        {t("partners.addItem")}
      </Button>
    );

  if (loading && !data) return <Spin />;
  if (error || !data) return <Alert type="error" showIcon title={error ?? t("partners.notFound")} />;
  const partner: Partner = data;

  return (
    <>
      <PageHeader
        title={partner.nameVi}
        description={<Link to="/partners">← {t("partners.back")}</Link>}
        actions={
          canManage && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setDialog("edit")}>
                {t("common.edit")}
              </Button>
              <Popconfirm
                title={t("partners.confirmDelete")}
                onConfirm={async () => {
                  try {
                    await partnersApi.remove(id);
                    message.success(t("partners.deleted"));
                    navigate("/partners");
                  } catch (err) {
                    fail(err);
                  }
                }}
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t("partners.delete")}
                </Button>
              </Popconfirm>
            </Space>
          )
        }
      />
      <Card className="hd-mb">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("partners.kind")}>
            <Tag>{t(`partners.kinds.${partner.kind}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t("partners.country")}>{partner.country}</Descriptions.Item>
          <Descriptions.Item label={t("partners.nameOriginal")}>
            {partner.nameOriginal ?? "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("partners.sinceDate")}>
            {formatDate(partner.sinceDate) || "—"}
          </Descriptions.Item>
          {partner.description && (
            <Descriptions.Item label={t("partners.description")} span={2}>
              {partner.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card
        title={t("partners.agreements")}
        size="small"
        className="hd-mb"
        extra={addButton("agreement", t("partners.agreements"))}
      >
        <Table<PartnerAgreement>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={partner.agreementList}
          locale={{ emptyText: t("partners.none") }}
          columns={[
            { key: "title", dataIndex: "title", title: t("partners.agreementTitle") },
            {
              key: "signed",
              title: t("partners.signedOn"),
              render: (_, a) => formatDate(a.signedOn),
              width: 120,
            },
            {
              key: "expires",
              title: t("partners.expiresOn"),
              render: (_, a) => formatDate(a.expiresOn) || "—",
              width: 120,
            },
            {
              key: "state",
              title: "",
              render: (_, a) => <Tag color={STATE_COLORS[a.state]}>{t(`partners.states.${a.state}`)}</Tag>,
              width: 130,
            },
            { key: "x", render: (_, a) => removeButton("agreements", a.id), width: 48 },
          ]}
        />
      </Card>

      <Card
        title={t("partners.exchanges")}
        size="small"
        className="hd-mb"
        extra={addButton("exchange", t("partners.exchanges"))}
      >
        <Table<PartnerExchange>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={partner.exchangeList}
          data-testid="partner-exchanges"
          locale={{ emptyText: t("partners.none") }}
          columns={[
            {
              key: "on",
              title: t("partners.exchangedOn"),
              render: (_, x) => formatDate(x.exchangedOn),
              width: 110,
            },
            {
              key: "direction",
              title: t("partners.direction"),
              render: (_, x) => (
                <Tag color={x.direction === "outgoing" ? "blue" : "purple"}>
                  {t(`partners.directions.${x.direction}`)}
                </Tag>
              ),
              width: 100,
            },
            { key: "subject", dataIndex: "subject", title: t("partners.subject") },
            {
              key: "channel",
              title: t("partners.channel"),
              render: (_, x) => t(`partners.channels.${x.channel}`),
            },
            {
              key: "file",
              title: t("partners.attachment"),
              render: (_, x) =>
                x.file ? (
                  <Button
                    size="small"
                    type="link"
                    icon={<DownloadOutlined />}
                    onClick={() => partnersApi.downloadExchangeFile(id, x).catch(fail)}
                  >
                    {x.file.name}
                  </Button>
                ) : (
                  "—"
                ),
            },
            { key: "x", render: (_, x) => removeButton("exchanges", x.id), width: 48 },
          ]}
        />
      </Card>

      <Card
        title={t("partners.contacts")}
        size="small"
        className="hd-mb"
        extra={addButton("contact", t("partners.contacts"))}
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={partner.contacts}
          locale={{ emptyText: t("partners.none") }}
          columns={[
            { key: "name", dataIndex: "name", title: t("partners.contactName") },
            { key: "role", dataIndex: "role", title: t("partners.contactRole") },
            { key: "email", dataIndex: "email", title: t("partners.email") },
            { key: "phone", dataIndex: "phone", title: t("partners.phone") },
            { key: "x", render: (_, c) => removeButton("contacts", c.id), width: 48 },
          ]}
        />
      </Card>

      <Card
        title={t("partners.activities")}
        size="small"
        className="hd-mb"
        extra={addButton("activity", t("partners.activities"))}
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={partner.activities}
          locale={{ emptyText: t("partners.none") }}
          columns={[
            {
              key: "on",
              title: t("partners.occurredOn"),
              render: (_, a) => formatDate(a.occurredOn),
              width: 110,
            },
            { key: "title", dataIndex: "title", title: t("partners.activityTitle") },
            { key: "description", dataIndex: "description", title: t("partners.description") },
            { key: "x", render: (_, a) => removeButton("activities", a.id), width: 48 },
          ]}
        />
      </Card>

      <LinkedTasksCard kind="partner" recordId={id} canEdit={canManage} />

      <PartnerItemModal<{
        kind: Partner["kind"];
        country: string;
        nameVi: string;
        nameOriginal?: string;
        sinceDate?: Dayjs;
        description?: string;
      }>
        open={dialog === "edit"}
        title={t("partners.edit")}
        onClose={() => setDialog(null)}
        initialValues={{
          kind: partner.kind,
          country: partner.country,
          nameVi: partner.nameVi,
          nameOriginal: partner.nameOriginal ?? undefined,
          sinceDate: partner.sinceDate ? dayjs(partner.sinceDate) : undefined,
          description: partner.description ?? undefined,
        }}
        onSubmit={(v) =>
          run(() =>
            partnersApi.update(id, {
              kind: v.kind,
              country: v.country,
              nameVi: v.nameVi,
              nameOriginal: v.nameOriginal || null,
              sinceDate: day(v.sinceDate),
              description: v.description || null,
            }),
          )
        }
      >
        <Form.Item name="kind" label={t("partners.kind")} rules={[{ required: true }]}>
          <Select options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="country"
          label={t("partners.country")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameVi" label={t("partners.nameVi")} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="nameOriginal" label={t("partners.nameOriginal")}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="sinceDate" label={t("partners.sinceDate")}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="description" label={t("partners.description")}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </PartnerItemModal>

      <PartnerItemModal<{ title: string; signedOn: Dayjs; expiresOn?: Dayjs; note?: string }>
        open={dialog === "agreement"}
        title={t("partners.agreements")}
        onClose={() => setDialog(null)}
        onSubmit={(v) =>
          run(() =>
            partnersApi.addAgreement(id, {
              title: v.title,
              signedOn: v.signedOn.format("YYYY-MM-DD"),
              expiresOn: day(v.expiresOn),
              note: v.note || null,
            }),
          )
        }
      >
        <Form.Item
          name="title"
          label={t("partners.agreementTitle")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="signedOn" label={t("partners.signedOn")} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="expiresOn" label={t("partners.expiresOn")}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="note" label={t("partners.note")}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </PartnerItemModal>

      <PartnerItemModal<{
        exchangedOn: Dayjs;
        direction: PartnerExchange["direction"];
        subject: string;
        channel: PartnerExchange["channel"];
        note?: string;
      }>
        open={dialog === "exchange"}
        title={t("partners.exchanges")}
        onClose={() => setDialog(null)}
        initialValues={{ direction: "outgoing", channel: "email", exchangedOn: dayjs() }}
        onSubmit={(v) =>
          run(async () =>
            partnersApi.addExchange(id, {
              exchangedOn: v.exchangedOn.format("YYYY-MM-DD"),
              direction: v.direction,
              subject: v.subject,
              channel: v.channel,
              note: v.note || null,
              ...(file && { file: { filename: file.name, contentBase64: await fileToBase64(file) } }),
            }),
          )
        }
      >
        <Form.Item name="exchangedOn" label={t("partners.exchangedOn")} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="direction" label={t("partners.direction")} rules={[{ required: true }]}>
          <Select
            options={EXCHANGE_DIRECTIONS.map((d) => ({ value: d, label: t(`partners.directions.${d}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t("partners.subject")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="channel" label={t("partners.channel")} rules={[{ required: true }]}>
          <Select
            options={EXCHANGE_CHANNELS.map((c) => ({ value: c, label: t(`partners.channels.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t("partners.note")}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t("partners.attachment")}>
          <Upload
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button>{t("partners.attachment")}</Button>
          </Upload>
        </Form.Item>
      </PartnerItemModal>

      <PartnerItemModal<{ name: string; role?: string; email?: string; phone?: string }>
        open={dialog === "contact"}
        title={t("partners.contacts")}
        onClose={() => setDialog(null)}
        onSubmit={(v) =>
          run(() =>
            partnersApi.addContact(id, {
              name: v.name,
              role: v.role || null,
              email: v.email || null,
              phone: v.phone || null,
            }),
          )
        }
      >
        <Form.Item
          name="name"
          label={t("partners.contactName")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="role" label={t("partners.contactRole")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="email" label={t("partners.email")} rules={[{ type: "email" }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t("partners.phone")}>
          <Input maxLength={50} />
        </Form.Item>
      </PartnerItemModal>

      <PartnerItemModal<{ occurredOn: Dayjs; title: string; description?: string }>
        open={dialog === "activity"}
        title={t("partners.activities")}
        onClose={() => setDialog(null)}
        onSubmit={(v) =>
          run(() =>
            partnersApi.addActivity(id, {
              occurredOn: v.occurredOn.format("YYYY-MM-DD"),
              title: v.title,
              description: v.description || null,
            }),
          )
        }
      >
        <Form.Item name="occurredOn" label={t("partners.occurredOn")} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("partners.activityTitle")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="description" label={t("partners.description")}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </PartnerItemModal>
    </>
  );
}
