import { EditOutlined, EyeOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Badge, Button, Card, Input, Select, Table, type TableColumnsType, Tag, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { UNIT_TYPES, type Unit, type UnitType } from "../../api/types";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useServerTable } from "../../components/use-server-table";
import { DIRECTORY_EDITORS, useAuth } from "../auth/auth-context";
import { UnitFormDrawer } from "./UnitFormDrawer";

type ActiveFilter = "true" | "false" | undefined;

const TYPE_COLORS: Record<UnitType, string> = {
  party_body: "red",
  committee: "volcano",
  department: "blue",
  district: "green",
  press: "purple",
  armed_forces: "gold",
  mass_organisation: "cyan",
  other: "default",
};

export default function UnitsPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const canEdit = hasRole(...DIRECTORY_EDITORS);
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const table = useServerTable<Unit, { q: string; type: UnitType | undefined; isActive: ActiveFilter }>(
    "/api/units",
    { filters: { q: "", type: undefined, isActive: "true" }, sort: "name" },
  );

  const columns: TableColumnsType<Unit> = [
    {
      title: t("directory.units.name"),
      dataIndex: "name",
      key: "name",
      sorter: true,
      sortOrder: table.sortOrder("name"),
      render: (_, unit) => (
        <div>
          <div className="hd-strong">{unit.name}</div>
          {unit.shortName && <div className="hd-muted">{unit.shortName}</div>}
        </div>
      ),
    },
    {
      title: t("directory.units.type"),
      dataIndex: "type",
      key: "type",
      sorter: true,
      sortOrder: table.sortOrder("type"),
      render: (type: UnitType) => <Tag color={TYPE_COLORS[type]}>{t(`unitTypes.${type}`)}</Tag>,
    },
    { title: t("directory.units.parent"), dataIndex: "parentName", key: "parentName", responsive: ["lg"] },
    {
      title: t("directory.status"),
      dataIndex: "isActive",
      key: "isActive",
      render: (isActive: boolean) => (
        <Badge
          status={isActive ? "success" : "default"}
          text={isActive ? t("directory.active") : t("directory.inactive")}
        />
      ),
    },
    {
      title: t("common.updatedAt"),
      dataIndex: "updatedAt",
      key: "updatedAt",
      sorter: true,
      sortOrder: table.sortOrder("updatedAt"),
      responsive: ["xl"],
      render: formatDateTime,
    },
    {
      title: <span className="hd-sr-only">{t("common.actions")}</span>,
      key: "actions",
      width: 64,
      render: (_, unit) => {
        const label = `${canEdit ? t("common.edit") : t("common.view")}: ${unit.name}`;
        return (
          <Tooltip title={canEdit ? t("common.edit") : t("common.view")}>
            <Button
              type="text"
              icon={canEdit ? <EditOutlined /> : <EyeOutlined />}
              aria-label={label}
              onClick={() => setEditing({ id: unit.id })}
            />
          </Tooltip>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t("directory.units.title")}
        description={t("directory.units.description")}
        actions={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null })}>
              {t("directory.units.create")}
            </Button>
          )
        }
      />
      <Card>
        <search className="hd-filters" aria-label={t("common.filters")}>
          <Input.Search
            allowClear
            placeholder={t("directory.units.searchPlaceholder")}
            aria-label={t("common.search")}
            onSearch={(value) => table.setFilter("q", value.trim())}
            className="hd-filter-search"
          />
          <Select<UnitType>
            allowClear
            placeholder={t("directory.units.allTypes")}
            aria-label={t("directory.units.type")}
            value={table.filters.type}
            onChange={(value) => table.setFilter("type", value)}
            options={UNIT_TYPES.map((type) => ({ value: type, label: t(`unitTypes.${type}`) }))}
            className="hd-filter-select"
          />
          <Select<Exclude<ActiveFilter, undefined> | "all">
            aria-label={t("directory.status")}
            value={table.filters.isActive ?? "all"}
            onChange={(value) => table.setFilter("isActive", value === "all" ? undefined : value)}
            options={[
              { value: "true", label: t("directory.activeOnly") },
              { value: "false", label: t("directory.inactiveOnly") },
              { value: "all", label: t("directory.allStatuses") },
            ]}
            className="hd-filter-select"
          />
        </search>
        {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
        <Table<Unit> {...table.tableProps} columns={columns} size="middle" />
      </Card>
      <UnitFormDrawer
        open={editing !== null}
        unitId={editing?.id ?? null}
        readOnly={!canEdit}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          table.reload();
        }}
      />
    </>
  );
}
