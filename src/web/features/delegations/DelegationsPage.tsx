import { Alert, Card, Select, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import {
  DELEGATION_CHANNELS,
  DELEGATION_DIRECTIONS,
  DELEGATION_STATUSES,
  type DelegationListItem,
} from "../../../shared/api/delegations";
import { DELEGATION_IMPORT_TEMPLATE } from "../../../shared/registers/import-templates";
import { PageHeader } from "../../components/PageHeader";
import { RegisterActions } from "../../components/registers/RegisterActions";
import {
  CountryFilter,
  RegisterFilters,
  StatusTag,
  YearFilter,
} from "../../components/registers/RegisterFilters";
import { useServerTable } from "../../components/use-server-table";
import { useAuth } from "../auth/auth-context";
import { DelegationFormDrawer } from "./DelegationFormDrawer";
import { delegationsApi } from "./delegations-api";

export const DELEGATION_MANAGERS = ["admin", "secretariat"] as const;
export const STATUS_COLORS: Record<DelegationListItem["status"], string> = {
  proposed: "default",
  approved: "blue",
  in_progress: "gold",
  done: "green",
  cancelled: "red",
};

type Filters = {
  q: string | undefined;
  status: string | undefined;
  direction: string | undefined;
  channel: string | undefined;
  country: string | undefined;
  year: number | undefined;
};

/** The delegations register: search, filters, export, and a drawer to add one. */
export default function DelegationsPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const canManage = hasRole(...DELEGATION_MANAGERS);
  const [adding, setAdding] = useState(false);
  const table = useServerTable<DelegationListItem, Filters>("/api/delegations", {
    filters: {
      q: undefined,
      status: undefined,
      direction: undefined,
      channel: undefined,
      country: undefined,
      year: undefined,
    },
  });
  const { filters, setFilter } = table;

  return (
    <>
      <PageHeader
        title={t("delegations.title")}
        description={t("delegations.intro")}
        actions={
          <RegisterActions
            canManage={canManage}
            addLabel={t("delegations.add")}
            onAdd={() => setAdding(true)}
            exportAs={(format) => delegationsApi.export(filters, format)}
            importer={{
              path: "/api/delegations/import",
              template: DELEGATION_IMPORT_TEMPLATE,
              title: t("delegations.title"),
              onImported: table.reload,
            }}
          />
        }
      />
      <RegisterFilters searchLabel={t("delegations.search")} onSearch={(q) => setFilter("q", q)}>
        <Select
          allowClear
          aria-label={t("delegations.fields.direction")}
          placeholder={t("delegations.fields.direction")}
          className="hd-filter-select"
          value={filters.direction}
          onChange={(v?: string) => setFilter("direction", v)}
          options={DELEGATION_DIRECTIONS.map((d) => ({ value: d, label: t(`delegations.direction.${d}`) }))}
        />
        <Select
          allowClear
          aria-label={t("delegations.fields.channel")}
          placeholder={t("delegations.fields.channel")}
          className="hd-filter-select"
          value={filters.channel}
          onChange={(v?: string) => setFilter("channel", v)}
          options={DELEGATION_CHANNELS.map((c) => ({ value: c, label: t(`delegations.channel.${c}`) }))}
        />
        <Select
          allowClear
          aria-label={t("delegations.fields.status")}
          placeholder={t("delegations.fields.status")}
          className="hd-filter-select"
          value={filters.status}
          onChange={(v?: string) => setFilter("status", v)}
          options={DELEGATION_STATUSES.map((s) => ({ value: s, label: t(`delegations.status.${s}`) }))}
        />
        <CountryFilter
          label={t("delegations.fields.country")}
          value={filters.country}
          onChange={(v) => setFilter("country", v)}
        />
        <YearFilter
          label={t("delegations.allYears")}
          value={filters.year}
          onChange={(v) => setFilter("year", v)}
        />
      </RegisterFilters>
      {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
      <Card>
        <Table<DelegationListItem>
          {...table.tableProps}
          size="middle"
          scroll={{ x: 1150 }}
          locale={{ emptyText: t("delegations.empty") }}
          columns={[
            {
              title: t("delegations.fields.title"),
              dataIndex: "title",
              width: 380,
              render: (title: string, d) => <Link to={`/delegations/${d.id}`}>{title}</Link>,
            },
            {
              title: t("delegations.fields.direction"),
              dataIndex: "direction",
              width: 100,
              render: (v: DelegationListItem["direction"]) => t(`delegations.direction.${v}`),
            },
            {
              title: t("delegations.fields.channel"),
              dataIndex: "channel",
              width: 150,
              render: (v: DelegationListItem["channel"]) => t(`delegations.channel.${v}`),
            },
            { title: t("delegations.fields.country"), dataIndex: "countryName", width: 140 },
            {
              title: t("delegations.fields.dates"),
              key: "dates",
              width: 190,
              render: (_: unknown, d) => `${d.startDate} – ${d.endDate}`,
            },
            {
              title: t("delegations.fields.memberCount"),
              dataIndex: "memberCount",
              width: 80,
              align: "right",
            },
            {
              title: t("delegations.fields.coverageCount"),
              dataIndex: "coverageCount",
              width: 80,
              align: "right",
            },
            {
              title: t("delegations.fields.status"),
              dataIndex: "status",
              width: 140,
              render: (s: DelegationListItem["status"]) => (
                <StatusTag status={s} colors={STATUS_COLORS} label={t(`delegations.status.${s}`)} />
              ),
            },
          ]}
        />
      </Card>
      <DelegationFormDrawer
        open={adding}
        delegation={null}
        onClose={() => setAdding(false)}
        onSaved={(saved) => {
          setAdding(false);
          table.reload();
          navigate(`/delegations/${saved.id}`);
        }}
      />
    </>
  );
}
