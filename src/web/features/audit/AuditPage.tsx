import { DownloadOutlined, FileExcelOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Select, Space, Table, type TableColumnsType, Tag } from "antd";
import type dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { download, isApiError } from "../../api/client";
import type { AuditEntry, User } from "../../api/types";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { RemoteSelect } from "../../components/RemoteSelect";
import { useServerTable } from "../../components/use-server-table";
import { useAuth } from "../auth/auth-context";
import { AuditDiffTable } from "./AuditDiffTable";

const ENTITY_TYPES = [
  "programme",
  "task",
  "check_in",
  "import_draft",
  "report",
  "unit",
  "person",
  "committee",
  "committee_member",
  "user",
  "session",
  "monitoring_source",
  "monitoring_case",
];
const ACTIONS = [
  "create",
  "update",
  "delete",
  "submit",
  "confirm",
  "return",
  "reopen",
  "import",
  "commit",
  "merge",
  "login",
  "login_failed",
  "logout",
  "password_change",
  "password_reset",
  "session_revoke",
];
const ACTION_COLORS: Record<string, string> = {
  create: "green",
  update: "blue",
  delete: "red",
  merge: "purple",
};

interface AuditFilters {
  entityType: string | undefined;
  action: string | undefined;
  actorId: string | undefined;
  from: string | undefined;
  to: string | undefined;
  [key: string]: string | undefined;
}

const userOption = (user: User) => ({ value: user.id, label: `${user.displayName} (${user.email})` });

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang: "vi" | "en" = i18n.language.startsWith("en") ? "en" : "vi";
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const [exporting, setExporting] = useState<"csv" | "xlsx" | null>(null);
  const table = useServerTable<AuditEntry, AuditFilters>("/api/audit", {
    filters: { entityType: undefined, action: undefined, actorId: undefined, from: undefined, to: undefined },
  });

  const onRange = (range: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null) => {
    table.setFilter("from", range?.[0]?.startOf("day").toISOString());
    table.setFilter("to", range?.[1]?.endOf("day").toISOString());
  };

  const exportAs = async (format: "csv" | "xlsx") => {
    setExporting(format);
    try {
      await download("/api/audit/export", { format, ...table.filters }, `nhat-ky-he-thong.${format}`);
    } catch (err) {
      message.error(isApiError(err) ? err.message : t("errors.unexpected"));
    } finally {
      setExporting(null);
    }
  };

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t("audit.at"),
      dataIndex: "at",
      key: "at",
      width: 160,
      render: formatDateTime,
    },
    {
      title: t("audit.actor"),
      dataIndex: "actorName",
      key: "actorName",
      render: (name: string | null) => name ?? t("common.system"),
    },
    {
      title: t("audit.action"),
      dataIndex: "action",
      key: "action",
      render: (action: string, entry) => (
        <Tag color={ACTION_COLORS[action] ?? "default"} title={action}>
          {entry.actionLabel?.[lang] ?? t(`audit.actions.${action}`, { defaultValue: action })}
        </Tag>
      ),
    },
    {
      title: t("audit.entityType"),
      dataIndex: "entityType",
      key: "entityType",
      render: (type: string, entry) =>
        entry.entityTypeLabel?.[lang] ?? t(`audit.entities.${type}`, { defaultValue: type }),
    },
    {
      title: t("audit.entity"),
      key: "entity",
      responsive: ["lg"],
      render: (_, entry) => {
        const name = entry.entityName ?? entityLabel(entry);
        return entry.entityLink ? (
          <Link to={entry.entityLink} data-testid="audit-entity-link">
            {name}
          </Link>
        ) : (
          <span className="hd-muted" title={entry.entityId ?? undefined}>
            {name}
          </span>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t("audit.title")}
        description={t("audit.description")}
        actions={
          <Space>
            <Button icon={<DownloadOutlined />} loading={exporting === "csv"} onClick={() => exportAs("csv")}>
              {t("audit.exportCsv")}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              loading={exporting === "xlsx"}
              onClick={() => exportAs("xlsx")}
            >
              {t("audit.exportXlsx")}
            </Button>
          </Space>
        }
      />
      <Card>
        <search className="hd-filters" aria-label={t("common.filters")}>
          <Select
            allowClear
            placeholder={t("audit.allEntityTypes")}
            aria-label={t("audit.entityType")}
            value={table.filters.entityType}
            onChange={(value?: string) => table.setFilter("entityType", value)}
            options={ENTITY_TYPES.map((type) => ({ value: type, label: t(`audit.entities.${type}`) }))}
            className="hd-filter-select"
          />
          <Select
            allowClear
            placeholder={t("audit.allActions")}
            aria-label={t("audit.action")}
            value={table.filters.action}
            onChange={(value?: string) => table.setFilter("action", value)}
            options={ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))}
            className="hd-filter-select"
          />
          {hasRole("admin") && (
            <RemoteSelect<User>
              path="/api/users"
              toOption={userOption}
              value={table.filters.actorId}
              onChange={(value?: string) => table.setFilter("actorId", value ?? undefined)}
              placeholder={t("audit.allActors")}
              aria-label={t("audit.actor")}
              className="hd-filter-select"
            />
          )}
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            onChange={(range) => onRange(range)}
            aria-label={t("audit.dateRange")}
            placeholder={[t("audit.from"), t("audit.to")]}
          />
        </search>
        {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
        <Table<AuditEntry>
          {...table.tableProps}
          columns={columns}
          size="middle"
          expandable={{ expandedRowRender: (entry) => <AuditDiffTable entry={entry} /> }}
        />
      </Card>
    </>
  );
}

/** A readable name for a record the server could not name: its name in `after`/`before`, else a short id. */
function entityLabel(entry: AuditEntry): string {
  for (const snapshot of [entry.after, entry.before]) {
    if (snapshot && typeof snapshot === "object") {
      const record = snapshot as Record<string, unknown>;
      for (const key of ["name", "fullName", "displayName", "email", "personName"]) {
        if (typeof record[key] === "string") return record[key];
      }
    }
  }
  return entry.entityId ? `#${entry.entityId.slice(0, 8)}` : "";
}
