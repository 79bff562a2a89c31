import { ImportOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Input, Select, Table, type TableColumnsType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useServerTable } from "../../components/use-server-table";
import { PROGRAMME_EDITORS, useAuth } from "../auth/auth-context";
import { type Programme, programmeLabel } from "./programmes-api";

type Status = "active" | "superseded" | "all";

/** "Chương trình công tác": every programme imported, newest first. */
export default function ProgrammesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const table = useServerTable<Programme, { q: string; status: Status }>("/api/programmes", {
    filters: { q: "", status: "active" },
  });

  const columns: TableColumnsType<Programme> = [
    {
      title: t("programmes.doc.number"),
      key: "number",
      width: 200,
      render: (_, p) => (
        <Link to={`/programmes/${p.id}`} className="hd-strong">
          {programmeLabel(p)}
        </Link>
      ),
    },
    {
      title: t("programmes.doc.title"),
      dataIndex: "title",
      key: "title",
      render: (title: string | null, p) => (
        <div>
          <div>{title ?? "—"}</div>
          {p.issuer && <div className="hd-muted">{p.issuer}</div>}
        </div>
      ),
    },
    { title: t("programmes.doc.date"), dataIndex: "date", key: "date", width: 120, render: formatDate },
    {
      title: t("programmes.taskCount"),
      dataIndex: "taskCount",
      key: "taskCount",
      width: 110,
      align: "right",
    },
    {
      title: t("programmes.version"),
      key: "version",
      width: 150,
      responsive: ["md"],
      render: (_, p) => (
        <span>
          {t("programmes.versionN", { version: p.version })}{" "}
          {p.status === "superseded" && <Tag>{t("programmes.superseded")}</Tag>}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("programmes.title")}
        description={t("programmes.description")}
        actions={
          hasRole(...PROGRAMME_EDITORS) && (
            <Button type="primary" icon={<ImportOutlined />} onClick={() => navigate("/programmes/import")}>
              {t("nav.programmeImport")}
            </Button>
          )
        }
      />
      <Card>
        <search className="hd-filters" aria-label={t("common.filters")}>
          <Input.Search
            allowClear
            placeholder={t("programmes.searchPlaceholder")}
            aria-label={t("common.search")}
            onSearch={(value) => table.setFilter("q", value.trim())}
            className="hd-filter-search"
          />
          <Select<Status>
            value={table.filters.status}
            onChange={(value) => table.setFilter("status", value)}
            aria-label={t("programmes.statusFilter")}
            className="hd-filter-select"
            options={[
              { value: "active", label: t("programmes.currentOnly") },
              { value: "superseded", label: t("programmes.supersededOnly") },
              { value: "all", label: t("programmes.allVersions") },
            ]}
          />
        </search>
        {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
        <Table<Programme> {...table.tableProps} columns={columns} size="middle" />
      </Card>
    </>
  );
}
