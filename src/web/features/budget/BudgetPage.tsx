import { Alert, App, Card, Col, InputNumber, Row, Select, Statistic, Table } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { BUDGET_STATUSES, type BudgetItemDto, type BudgetStatus } from "../../../shared/api/budget";
import { BUDGET_IMPORT_TEMPLATE } from "../../../shared/registers/import-templates";
import { formatDong } from "../../../shared/text/money";
import { PageHeader } from "../../components/PageHeader";
import { RegisterActions } from "../../components/registers/RegisterActions";
import { RegisterFilters, StatusTag } from "../../components/registers/RegisterFilters";
import { useApiData } from "../../components/use-api-data";
import { useServerTable } from "../../components/use-server-table";
import { useAuth } from "../auth/auth-context";
import { BudgetFormDrawer } from "./BudgetFormDrawer";
import { budgetApi } from "./budget-api";

type Filters = { q?: string; year?: number; status?: string };

export const BUDGET_MANAGERS = ["secretariat", "admin"] as const;
export const STATUS_COLORS: Record<BudgetStatus, string> = {
  proposed: "default",
  approved: "blue",
  disbursed: "green",
};

/** "Đề xuất kinh phí": totals by status and task, the list with filters, export, add. */
export default function BudgetPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const canManage = hasRole(...BUDGET_MANAGERS);
  const table = useServerTable<BudgetItemDto, Filters>("/api/budget-items", { filters: {}, pageSize: 50 });
  const year = table.filters.year;
  const loadTotals = useCallback((signal: AbortSignal) => budgetApi.totals(year, signal), [year]);
  const totals = useApiData(loadTotals);
  const reload = () => {
    table.reload();
    totals.reload();
  };
  const [adding, setAdding] = useState(false);

  return (
    <>
      <PageHeader
        title={t("budget.title")}
        description={t("budget.intro")}
        actions={
          <RegisterActions
            canManage={canManage}
            addLabel={t("budget.add")}
            onAdd={() => setAdding(true)}
            exportAs={(format) => budgetApi.export(format, table.filters)}
            importer={{
              path: "/api/budget-items/import",
              template: BUDGET_IMPORT_TEMPLATE,
              title: t("budget.title"),
              onImported: reload,
            }}
          />
        }
      />
      {totals.data && (
        <Row gutter={[16, 16]} className="hd-mb" data-testid="budget-totals">
          <Col xs={24} md={6}>
            <Card size="small">
              <Statistic
                title={`${t("budget.total")} · ${t("budget.count", { count: totals.data.all.count })}`}
                value={formatDong(totals.data.all.proposedAmount)}
              />
            </Card>
          </Col>
          {totals.data.byStatus.map((s) => (
            <Col xs={24} md={6} key={s.status}>
              <Card size="small">
                <Statistic
                  title={`${t(`budget.statuses.${s.status}`)} · ${t("budget.count", { count: s.count })}`}
                  value={formatDong(
                    s.status === "proposed"
                      ? s.proposedAmount
                      : s.status === "approved"
                        ? s.approvedAmount
                        : s.disbursedAmount,
                  )}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <RegisterFilters searchLabel={t("budget.search")} onSearch={(q) => table.setFilter("q", q)}>
        <InputNumber<number>
          placeholder={t("budget.allYears")}
          aria-label={t("budget.year")}
          min={2000}
          max={2100}
          onChange={(v) => table.setFilter("year", v ?? undefined)}
        />
        <Select<string>
          allowClear
          placeholder={t("budget.allStatuses")}
          aria-label={t("budget.status")}
          className="hd-filter-select"
          options={BUDGET_STATUSES.map((s) => ({ value: s, label: t(`budget.statuses.${s}`) }))}
          onChange={(v) => table.setFilter("status", v)}
        />
      </RegisterFilters>
      {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
      <Table<BudgetItemDto>
        {...table.tableProps}
        columns={[
          {
            key: "year",
            dataIndex: "year",
            title: t("budget.year"),
            sorter: true,
            sortOrder: table.sortOrder("year"),
            width: 80,
          },
          {
            key: "title",
            title: t("budget.itemTitle"),
            sorter: true,
            sortOrder: table.sortOrder("title"),
            render: (_, r) => <Link to={`/budget/${r.id}`}>{r.title}</Link>,
          },
          { key: "unit", title: t("budget.unit"), render: (_, r) => r.unitName ?? "—" },
          {
            key: "status",
            title: t("budget.status"),
            render: (_, r) => (
              <StatusTag status={r.status} colors={STATUS_COLORS} label={t(`budget.statuses.${r.status}`)} />
            ),
          },
          {
            key: "proposedAmount",
            title: t("budget.proposedAmount"),
            align: "right",
            sorter: true,
            sortOrder: table.sortOrder("proposedAmount"),
            render: (_, r) => <span className="hd-nowrap">{formatDong(r.proposedAmount)}</span>,
          },
          {
            key: "approved",
            title: t("budget.approvedAmount"),
            align: "right",
            render: (_, r) =>
              r.approvedAmount === null ? (
                "—"
              ) : (
                <span className="hd-nowrap">{formatDong(r.approvedAmount)}</span>
              ),
          },
          {
            key: "disbursed",
            title: t("budget.disbursedAmount"),
            align: "right",
            render: (_, r) =>
              r.disbursedAmount === null ? (
                "—"
              ) : (
                <span className="hd-nowrap">{formatDong(r.disbursedAmount)}</span>
              ),
          },
        ]}
      />
      {totals.data && (
        <Card title={t("budget.byTask")} size="small" className="hd-mt-s">
          {totals.data.byTask.length === 0 ? (
            <span className="hd-muted">{t("budget.noTaskLinks")}</span>
          ) : (
            <Table
              rowKey="taskId"
              size="small"
              pagination={false}
              dataSource={totals.data.byTask}
              columns={[
                {
                  key: "task",
                  title: t("budget.task"),
                  render: (_, r) => (
                    <Link to={`/tasks/${r.taskId}`}>
                      {r.taskRef}. {r.taskText.length > 120 ? `${r.taskText.slice(0, 120)}…` : r.taskText}
                    </Link>
                  ),
                },
                {
                  key: "count",
                  title: t("budget.count", { count: 0 }).replace(/^0\s*/, ""),
                  dataIndex: "count",
                  align: "right",
                },
                {
                  key: "p",
                  title: t("budget.proposedAmount"),
                  align: "right",
                  render: (_, r) => formatDong(r.proposedAmount),
                },
                {
                  key: "a",
                  title: t("budget.approvedAmount"),
                  align: "right",
                  render: (_, r) => formatDong(r.approvedAmount),
                },
                {
                  key: "d",
                  title: t("budget.disbursedAmount"),
                  align: "right",
                  render: (_, r) => formatDong(r.disbursedAmount),
                },
              ]}
            />
          )}
        </Card>
      )}
      <BudgetFormDrawer
        open={adding}
        item={null}
        onClose={() => setAdding(false)}
        onSaved={(saved) => {
          setAdding(false);
          message.success(t("budget.saved"));
          navigate(`/budget/${saved.id}`);
        }}
      />
    </>
  );
}
