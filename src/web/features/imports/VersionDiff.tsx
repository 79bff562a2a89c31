import { HistoryOutlined } from "@ant-design/icons";
import { Alert, Collapse, Table, type TableColumnsType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../components/format";
import type { ProgrammeDiff } from "./imports-api";

interface Row {
  key: string;
  where: string;
  field: string;
  before: unknown;
  after: unknown;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const scalar = (value: unknown) =>
  typeof value === "string" && ISO_DATE.test(value) ? formatDate(value) : String(value);
const show = (value: unknown) =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)
    ? "—"
    : Array.isArray(value)
      ? value.map(scalar).join("; ")
      : typeof value === "object"
        ? JSON.stringify(value)
        : scalar(value);

/** "Đã có phiên bản trước": the document was imported before; committing stores a new version. */
export function VersionDiff({
  existingProgrammeId,
  diff,
}: {
  existingProgrammeId: string;
  diff: ProgrammeDiff | null;
}) {
  const { t, i18n } = useTranslation();
  const fieldLabel = (field: string) =>
    i18n.exists(`imports.diff.fields.${field}`) ? t(`imports.diff.fields.${field}`) : field;
  const rows: Row[] = [
    ...(diff?.document ?? []).map((c) => ({
      key: `doc:${c.field}`,
      where: t("imports.documentInfo"),
      field: fieldLabel(c.field),
      before: c.before,
      after: c.after,
    })),
    ...(diff?.tasks.changed ?? []).flatMap(({ ref, changes }) =>
      changes.map((c) => ({
        key: `${ref}:${c.field}`,
        where: t("imports.taskLabel", { ref }),
        field: fieldLabel(c.field),
        before: c.before,
        after: c.after,
      })),
    ),
  ];
  const columns: TableColumnsType<Row> = [
    {
      title: t("imports.diff.field"),
      key: "field",
      width: 150,
      render: (_, row) => (
        <>
          <div className="hd-strong">{row.field}</div>
          <div className="hd-muted">{row.where}</div>
        </>
      ),
    },
    {
      title: t("imports.diff.before"),
      dataIndex: "before",
      key: "before",
      render: (value: unknown) => <span className="hd-diff-before">{show(value)}</span>,
    },
    {
      title: t("imports.diff.after"),
      dataIndex: "after",
      key: "after",
      render: (value: unknown) => <span className="hd-diff-after">{show(value)}</span>,
    },
  ];
  const added = diff?.tasks.added ?? [];
  const removed = diff?.tasks.removed ?? [];

  return (
    <Alert
      type="info"
      showIcon
      icon={<HistoryOutlined />}
      className="hd-mb"
      data-testid="previous-version"
      title={t("imports.diff.previousVersion")}
      description={
        <>
          <p className="hd-mb-s">
            {t("imports.diff.explain")}{" "}
            <Link to={`/programmes/${existingProgrammeId}`}>{t("imports.diff.openPrevious")}</Link>
          </p>
          {diff && !diff.hasChanges && <p>{t("imports.diff.noChanges")}</p>}
          {added.length > 0 && (
            <p>
              {t("imports.diff.added")}{" "}
              {added.map((ref) => (
                <Tag key={ref} color="green">
                  {ref}
                </Tag>
              ))}
            </p>
          )}
          {removed.length > 0 && (
            <p>
              {t("imports.diff.removed")}{" "}
              {removed.map((ref) => (
                <Tag key={ref} color="red">
                  {ref}
                </Tag>
              ))}
            </p>
          )}
          {rows.length > 0 && (
            <Collapse
              size="small"
              items={[
                {
                  key: "diff",
                  label: t("imports.diff.changes", {
                    count: rows.length,
                    unchanged: diff?.tasks.unchanged ?? 0,
                  }),
                  children: (
                    <Table<Row>
                      size="small"
                      columns={columns}
                      dataSource={rows}
                      pagination={rows.length > 20 ? { pageSize: 20 } : false}
                      scroll={{ x: 520 }}
                    />
                  ),
                },
              ]}
            />
          )}
        </>
      }
    />
  );
}
