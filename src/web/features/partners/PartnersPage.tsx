import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { PARTNER_KINDS, type PartnerKind, type PartnerSummary } from "../../../shared/api/partners";
import { PARTNER_IMPORT_TEMPLATE } from "../../../shared/registers/import-templates";
import { isApiError } from "../../api/client";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { RegisterActions } from "../../components/registers/RegisterActions";
import { RegisterFilters } from "../../components/registers/RegisterFilters";
import { useServerTable } from "../../components/use-server-table";
import { useAuth } from "../auth/auth-context";
import { partnersApi } from "./partners-api";

type Filters = { q?: string; kind?: string; country?: string };
export const PARTNER_MANAGERS = ["secretariat", "admin"] as const;

interface FormValues {
  kind: PartnerKind;
  country: string;
  nameVi: string;
  nameOriginal?: string;
  sinceDate?: Dayjs;
  description?: string;
}

/** "Đối tác, cộng đồng ở nước ngoài": the list with search, filters, export, import and add. */
export default function PartnersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const canManage = hasRole(...PARTNER_MANAGERS);
  const table = useServerTable<PartnerSummary, Filters>("/api/partners", { filters: {}, pageSize: 50 });
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<FormValues>();

  const fail = (err: unknown) => message.error(isApiError(err) ? err.message : String(err));

  const save = async (values: FormValues) => {
    setSaving(true);
    try {
      const created = await partnersApi.create({
        kind: values.kind,
        country: values.country,
        nameVi: values.nameVi,
        nameOriginal: values.nameOriginal || null,
        sinceDate: values.sinceDate ? values.sinceDate.format("YYYY-MM-DD") : null,
        description: values.description || null,
      });
      message.success(t("partners.saved"));
      navigate(`/partners/${created.id}`);
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t("partners.title")}
        description={t("partners.intro")}
        actions={
          <RegisterActions
            canManage={canManage}
            addLabel={t("partners.add")}
            onAdd={() => setAdding(true)}
            exportAs={(format) => partnersApi.export(format, table.filters)}
            importer={{
              path: "/api/partners/import",
              template: PARTNER_IMPORT_TEMPLATE,
              title: t("partners.title"),
              onImported: table.reload,
            }}
          />
        }
      />
      <RegisterFilters searchLabel={t("partners.search")} onSearch={(q) => table.setFilter("q", q)}>
        <Select<string>
          allowClear
          placeholder={t("partners.allKinds")}
          aria-label={t("partners.kind")}
          className="hd-filter-select"
          options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))}
          onChange={(v) => table.setFilter("kind", v)}
        />
      </RegisterFilters>
      {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
      <Table<PartnerSummary>
        {...table.tableProps}
        columns={[
          {
            key: "name",
            title: t("partners.nameVi"),
            render: (_, p) => (
              <Link to={`/partners/${p.id}`}>
                {p.nameVi}
                {p.nameOriginal ? <span className="hd-muted"> ({p.nameOriginal})</span> : null}
              </Link>
            ),
          },
          { key: "country", dataIndex: "country", title: t("partners.country"), width: 140 },
          {
            key: "kind",
            title: t("partners.kind"),
            render: (_, p) => <Tag>{t(`partners.kinds.${p.kind}`)}</Tag>,
          },
          {
            key: "agreements",
            dataIndex: "agreements",
            title: t("partners.agreements"),
            align: "right",
            width: 110,
          },
          {
            key: "exchanges",
            dataIndex: "exchanges",
            title: t("partners.exchanges"),
            align: "right",
            width: 110,
          },
          {
            key: "last",
            title: t("partners.lastExchange"),
            render: (_, p) => formatDate(p.lastExchangeOn) || "—",
            width: 130,
          },
          {
            key: "expiry",
            title: t("partners.nextExpiry"),
            render: (_, p) => formatDate(p.nextExpiryOn) || "—",
            width: 130,
          },
        ]}
      />
      <Drawer
        open={adding}
        title={t("partners.add")}
        size="large"
        onClose={() => setAdding(false)}
        destroyOnHidden
        extra={
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        }
      >
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{ kind: "sister_city" }}
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
          <Form.Item
            name="nameVi"
            label={t("partners.nameVi")}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="nameOriginal" label={t("partners.nameOriginal")}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="sinceDate" label={t("partners.sinceDate")}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="description" label={t("partners.description")}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
        </Form>
      </Drawer>
    </>
  );
}
