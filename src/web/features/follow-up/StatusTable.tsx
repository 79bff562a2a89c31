import { Progress, Table, type TableColumnsType, type TableProps, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../components/format";
import type { StatusRow } from "./follow-up-api";
import { bucketKey, StatusTag } from "./status-labels";

const names = (list: string[]) => (list.length ? list.join("; ") : "—");

/** Tasks with their status as of a date; `compact` drops the parties for dashboard cards. */
export function StatusTable<T extends StatusRow>({
  rows,
  compact = false,
  loading = false,
  rowSelection,
  extraColumns = [],
}: {
  rows: T[];
  compact?: boolean;
  loading?: boolean;
  rowSelection?: TableProps<T>["rowSelection"];
  extraColumns?: TableColumnsType<T>;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<T> = [
    {
      title: t("programmes.ref"),
      dataIndex: "ref",
      key: "ref",
      width: 80,
      render: (ref: string, row) => (
        <Link
          to={`/tasks/${row.taskId}?tab=follow-up`}
          className="hd-task-ref"
          aria-label={t("programmes.openTask", { ref })}
        >
          {ref}
        </Link>
      ),
    },
    ...extraColumns,
    {
      title: t("programmes.taskText"),
      dataIndex: "text",
      key: "text",
      // The task is what the reader came for: it keeps room to read on a tablet (820 px) instead of one
      // word per line; the leads column gives way below 992 px (they are on the task's page).
      minWidth: 220,
      render: (text: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} className="hd-task-text">
          {text}
        </Typography.Paragraph>
      ),
    },
    ...(compact
      ? []
      : [
          {
            title: t("programmes.rolesLong.directing"),
            key: "directing",
            width: 150,
            responsive: ["xxl" as const],
            render: (_: unknown, row: T) => names(row.directing),
          },
        ]),
    {
      title: t("programmes.rolesLong.lead"),
      key: "leads",
      width: 160,
      responsive: ["lg"],
      render: (_, row) => names(row.leads),
    },
    {
      title: t("followUp.status"),
      key: "status",
      width: 170,
      render: (_, row) => (
        <div>
          <StatusTag status={row.status} />
          {row.hasPendingCompletion && (
            <Tag color="processing" className="hd-mt-xs">
              {t("followUp.pendingCompletion")}
            </Tag>
          )}
          {row.isReturned && (
            <Tag color="error" className="hd-mt-xs">
              {t("followUp.returned")}
            </Tag>
          )}
        </div>
      ),
    },
    {
      title: t("followUp.due"),
      dataIndex: "due",
      key: "due",
      width: 140,
      render: (due: string | null, row) => (
        <div>
          <span className="hd-nowrap">{formatDate(due) || "—"}</span>
          {row.daysOverdue > 0 && (
            <div className="hd-danger">
              {t("followUp.overdueDays", { count: row.daysOverdue })}
              {row.overdueBucket && <div className="hd-muted">{t(bucketKey(row.overdueBucket))}</div>}
            </div>
          )}
        </div>
      ),
    },
    ...(compact
      ? []
      : [
          {
            title: t("followUp.progress"),
            key: "progress",
            width: 120,
            responsive: ["xxl" as const],
            render: (_: unknown, row: T) =>
              row.progress === null ? "—" : <Progress percent={row.progress} size="small" />,
          },
        ]),
  ];
  return (
    <Table<T>
      rowKey="taskId"
      dataSource={rows}
      columns={columns}
      loading={loading}
      size="middle"
      pagination={compact ? false : { pageSize: 50, showSizeChanger: false }}
      rowSelection={rowSelection}
      className="hd-status-table"
      data-testid="status-table"
    />
  );
}
