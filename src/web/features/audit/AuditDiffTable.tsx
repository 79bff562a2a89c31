import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditDiff, AuditEntry } from "../../api/types";

/** Bookkeeping fields that change on every write and say nothing to a reader. */
const HIDDEN_FIELDS = new Set(["id", "createdAt", "updatedAt", "version"]);

const isBlank = (value: unknown) => value === null || value === undefined || value === "";

function show(value: unknown, t: (key: string) => string): string {
  if (isBlank(value)) return "—";
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 1);
}

/** The before → after change of one journal entry, one row per changed field. */
export function AuditDiffTable({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const paths = new Set(entry.diff.map((change) => change.path));
  const rows = entry.diff.filter(
    (change) =>
      !HIDDEN_FIELDS.has(change.path) &&
      !(isBlank(change.before) && isBlank(change.after)) &&
      // `unitId` next to `unitName`: the name says the same thing to a person.
      !(change.path.endsWith("Id") && paths.has(change.path.replace(/Id$/, "Name"))),
  );
  if (rows.length === 0) {
    return (
      <Typography.Text type="secondary">
        {t("audit.noDiff")}
        {entry.requestId ? ` · ${t("audit.requestId")}: ${entry.requestId}` : ""}
      </Typography.Text>
    );
  }
  return (
    <div className="hd-diff">
      <Table<AuditDiff>
        rowKey="path"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t("audit.field"),
            dataIndex: "path",
            key: "path",
            width: "22%",
            render: (path: string) => t(`audit.fields.${path}`, { defaultValue: path }),
          },
          {
            title: t("audit.before"),
            dataIndex: "before",
            key: "before",
            render: (value: unknown) => <span className="hd-diff-before">{show(value, t)}</span>,
          },
          {
            title: t("audit.after"),
            dataIndex: "after",
            key: "after",
            render: (value: unknown) => <span className="hd-diff-after">{show(value, t)}</span>,
          },
        ]}
      />
      <Typography.Text type="secondary" className="hd-diff-meta">
        {[entry.requestId && `${t("audit.requestId")}: ${entry.requestId}`, entry.ip && `IP: ${entry.ip}`]
          .filter(Boolean)
          .join(" · ")}
      </Typography.Text>
    </div>
  );
}
