import { EditOutlined, EyeOutlined, MergeCellsOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Badge, Button, Card, Input, Space, Table, type TableColumnsType, Tag, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Person, Unit } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { RemoteSelect } from "../../components/RemoteSelect";
import { useServerTable } from "../../components/use-server-table";
import { DIRECTORY_EDITORS, useAuth } from "../auth/auth-context";
import { unitOption } from "./directory-api";
import { PersonFormDrawer } from "./PersonFormDrawer";
import { PersonMergeModal } from "./PersonMergeModal";

export default function PeoplePage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const canEdit = hasRole(...DIRECTORY_EDITORS);
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [merging, setMerging] = useState<Person | null>(null);
  const table = useServerTable<Person, { q: string; unitId: string | undefined }>("/api/people", {
    filters: { q: "", unitId: undefined },
    sort: "fullName",
  });

  const columns: TableColumnsType<Person> = [
    {
      title: t("directory.people.fullName"),
      dataIndex: "fullName",
      key: "fullName",
      sorter: true,
      sortOrder: table.sortOrder("fullName"),
      render: (_, person) => (
        <div>
          <span className="hd-strong">
            {person.honorific ? <span className="hd-muted">{person.honorific} </span> : null}
            {person.fullName}
          </span>
          {person.mergedIntoId && <Tag className="hd-ml">{t("directory.people.merged")}</Tag>}
        </div>
      ),
    },
    { title: t("directory.people.position"), dataIndex: "position", key: "position" },
    {
      title: t("directory.people.unit"),
      dataIndex: "unitName",
      key: "unitName",
    },
    {
      title: t("directory.people.contact"),
      key: "contact",
      responsive: ["xl"],
      render: (_, person) => (
        <div className="hd-muted">
          {person.email && <div>{person.email}</div>}
          {person.phone && <div>{person.phone}</div>}
        </div>
      ),
    },
    {
      title: t("directory.status"),
      dataIndex: "isActive",
      key: "isActive",
      responsive: ["lg"],
      render: (isActive: boolean) => (
        <Badge
          status={isActive ? "success" : "default"}
          text={isActive ? t("directory.active") : t("directory.inactive")}
        />
      ),
    },
    {
      title: <span className="hd-sr-only">{t("common.actions")}</span>,
      key: "actions",
      width: 100,
      render: (_, person) => (
        <Space size={0}>
          <Tooltip title={canEdit ? t("common.edit") : t("common.view")}>
            <Button
              type="text"
              icon={canEdit ? <EditOutlined /> : <EyeOutlined />}
              aria-label={`${canEdit ? t("common.edit") : t("common.view")}: ${person.fullName}`}
              onClick={() => setEditing({ id: person.id })}
            />
          </Tooltip>
          {canEdit && !person.mergedIntoId && (
            <Tooltip title={t("directory.people.merge")}>
              <Button
                type="text"
                icon={<MergeCellsOutlined />}
                aria-label={`${t("directory.people.merge")}: ${person.fullName}`}
                onClick={() => setMerging(person)}
              />
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("directory.people.title")}
        description={t("directory.people.description")}
        actions={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null })}>
              {t("directory.people.create")}
            </Button>
          )
        }
      />
      <Card>
        <search className="hd-filters" aria-label={t("common.filters")}>
          <Input.Search
            allowClear
            placeholder={t("directory.people.searchPlaceholder")}
            aria-label={t("common.search")}
            onSearch={(value) => table.setFilter("q", value.trim())}
            className="hd-filter-search"
          />
          <RemoteSelect<Unit>
            path="/api/units"
            toOption={unitOption}
            value={table.filters.unitId}
            onChange={(value) => table.setFilter("unitId", value ?? undefined)}
            placeholder={t("directory.people.allUnits")}
            aria-label={t("directory.people.unit")}
            className="hd-filter-unit"
          />
        </search>
        {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
        <Table<Person> {...table.tableProps} columns={columns} size="middle" />
      </Card>
      <PersonFormDrawer
        open={editing !== null}
        personId={editing?.id ?? null}
        readOnly={!canEdit}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          table.reload();
        }}
      />
      <PersonMergeModal survivor={merging} onClose={() => setMerging(null)} onMerged={table.reload} />
    </>
  );
}
