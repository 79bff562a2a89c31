import { Alert, App, Select, Table } from "antd";
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
import { INSTALLATION_IMPORT_TEMPLATE } from "../../../shared/registers/import-templates";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { RegisterActions } from "../../components/registers/RegisterActions";
import { RegisterFilters, StatusTag } from "../../components/registers/RegisterFilters";
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

  return (
    <>
      <PageHeader
        title={t("installations.title")}
        description={t("installations.intro")}
        actions={
          <RegisterActions
            canManage={canManage}
            addLabel={t("installations.add")}
            onAdd={() => setAdding(true)}
            exportAs={(format) => installationsApi.export(format, table.filters)}
            importer={{
              path: "/api/installations/import",
              template: INSTALLATION_IMPORT_TEMPLATE,
              title: t("installations.title"),
              onImported: table.reload,
            }}
          />
        }
      />
      <RegisterFilters searchLabel={t("installations.search")} onSearch={(q) => table.setFilter("q", q)}>
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
      </RegisterFilters>
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
              <StatusTag
                status={r.status}
                colors={INSTALLATION_STATUS_COLORS}
                label={t(`installations.statuses.${r.status}`)}
              />
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
