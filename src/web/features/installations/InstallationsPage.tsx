import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Input, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import {
  HAI_PHONG_DISTRICTS,
  INSTALLATION_KINDS,
  INSTALLATION_STATUSES,
  type InstallationDto,
  type InstallationStatus,
} from "../../../shared/api/installations";
import { isApiError } from "../../api/client";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useServerTable } from "../../components/use-server-table";
import { useAuth } from "../auth/auth-context";
import { InstallationFormDrawer } from "./InstallationFormDrawer";
import { installationsApi } from "./installations-api";

type Filters = { q?: string; kind?: string; status?: string; district?: string };

export const INSTALLATION_MANAGERS = ["secretariat", "admin"] as const;
export const INSTALLATION_STATUS_COLORS: Record<InstallationStatus, string> = {
  proposed: "default",
  approved: "blue",
  installed: "green",
};

/** "Công trình trực quan": billboards, LED screens and panels with filters, export and add. */
export default function InstallationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const canManage = hasRole(...INSTALLATION_MANAGERS);
  const table = useServerTable<InstallationDto, Filters>("/api/installations", { filters: {}, pageSize: 50 });
  const [adding, setAdding] = useState(false);

  const exportAs = async (format: "csv" | "xlsx") => {
    try {
      await installationsApi.export(format, table.filters);
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  return (
    <>
      <PageHeader
        title={t("installations.title")}
        description={t("installations.intro")}
        actions={
          <Space wrap>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t("installations.add")}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} onClick={() => exportAs("xlsx")}>
              {t("installations.exportXlsx")}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => exportAs("csv")}>
              {t("installations.exportCsv")}
            </Button>
          </Space>
        }
      />
      <search className="hd-filters" aria-label={t("common.filters")}>
        <Input.Search
          allowClear
          placeholder={t("installations.search")}
          aria-label={t("installations.search")}
          onSearch={(v) => table.setFilter("q", v.trim() || undefined)}
          className="hd-filter-search"
        />
        <Select<string>
          allowClear
          placeholder={t("installations.allKinds")}
          aria-label={t("installations.kind")}
          className="hd-filter-select"
          options={INSTALLATION_KINDS.map((k) => ({ value: k, label: t(`installations.kinds.${k}`) }))}
          onChange={(v) => table.setFilter("kind", v)}
        />
        <Select<string>
          allowClear
          placeholder={t("installations.allStatuses")}
          aria-label={t("installations.status")}
          className="hd-filter-select"
          options={INSTALLATION_STATUSES.map((s) => ({ value: s, label: t(`installations.statuses.${s}`) }))}
          onChange={(v) => table.setFilter("status", v)}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("installations.allDistricts")}
          aria-label={t("installations.district")}
          className="hd-filter-select"
          options={HAI_PHONG_DISTRICTS.map((d) => ({ value: d.code, label: d.name }))}
          onChange={(v) => table.setFilter("district", v)}
        />
      </search>
      {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
      <Table<InstallationDto>
        {...table.tableProps}
        columns={[
          {
            key: "title",
            title: t("installations.itemTitle"),
            sorter: true,
            sortOrder: table.sortOrder("title"),
            render: (_, r) => <Link to={`/installations/${r.id}`}>{r.title}</Link>,
          },
          {
            key: "kind",
            title: t("installations.kind"),
            render: (_, r) => t(`installations.kinds.${r.kind}`),
          },
          {
            key: "district",
            title: t("installations.district"),
            sorter: true,
            sortOrder: table.sortOrder("district"),
            render: (_, r) => r.districtName,
          },
          { key: "address", title: t("installations.address"), dataIndex: "address" },
          {
            key: "status",
            title: t("installations.status"),
            sorter: true,
            sortOrder: table.sortOrder("status"),
            render: (_, r) => (
              <Tag color={INSTALLATION_STATUS_COLORS[r.status]}>
                {t(`installations.statuses.${r.status}`)}
              </Tag>
            ),
          },
          {
            key: "installedOn",
            title: t("installations.installedOn"),
            render: (_, r) => formatDate(r.installedOn) || "—",
          },
          {
            key: "photos",
            title: t("installations.photos"),
            align: "right",
            render: (_, r) => t("installations.photoCount", { count: r.photoCount }),
          },
        ]}
      />
      <InstallationFormDrawer
        open={adding}
        item={null}
        onClose={() => setAdding(false)}
        onSaved={(saved) => {
          setAdding(false);
          message.success(t("installations.saved"));
          navigate(`/installations/${saved.id}`);
        }}
      />
    </>
  );
}
