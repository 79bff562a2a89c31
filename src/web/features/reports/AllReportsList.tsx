import { Alert, Card, InputNumber, Select, Table, Tag } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../components/format";
import { useApiData } from "../../components/use-api-data";
import { type Programme, programmeLabel } from "../programmes/programmes-api";
import { type ReportKind, type ReportListItem, type ReportListQuery, reportsApi } from "./reports-api";

/** Report drafts of every programme: filter by programme, kind and year; paged on the server. */
export function AllReportsList({ programmes }: { programmes: Programme[] }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<ReportListQuery>({ page: 1, pageSize: 20, sort: "-updatedAt" });
  const load = useCallback((signal: AbortSignal) => reportsApi.listAll(query, signal), [query]);
  const reports = useApiData(load);
  const filter = (patch: Partial<ReportListQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));

  return (
    <>
      <search className="hd-filters" aria-label={t("common.filters")}>
        <Select<string>
          allowClear
          value={query.programmeId}
          onChange={(programmeId) => filter({ programmeId })}
          aria-label={t("reports.programme")}
          placeholder={t("reports.allProgrammes")}
          options={programmes.map((p) => ({
            value: p.id,
            label: `${programmeLabel(p)}${p.title ? ` — ${p.title}` : ""}`,
          }))}
          className="hd-filter-programme"
          popupMatchSelectWidth={false}
          data-testid="reports-programme-filter"
        />
        <Select<ReportKind>
          allowClear
          value={query.kind}
          onChange={(kind) => filter({ kind })}
          aria-label={t("reports.kind")}
          placeholder={t("reports.allKinds")}
          options={(["semiannual", "annual"] as const).map((k) => ({
            value: k,
            label: t(`reports.kindNames.${k}`),
          }))}
          popupMatchSelectWidth={false}
          data-testid="reports-kind-filter"
        />
        <InputNumber<number>
          min={2000}
          max={2100}
          value={query.year ?? null}
          onChange={(year) => filter({ year: year ?? undefined })}
          aria-label={t("reports.year")}
          placeholder={t("reports.anyYear")}
          data-testid="reports-year-filter"
        />
      </search>
      {reports.error && <Alert type="error" showIcon title={reports.error} className="hd-mb" role="alert" />}
      <Card>
        <Table<ReportListItem>
          rowKey="id"
          loading={reports.loading}
          dataSource={reports.data?.items ?? []}
          data-testid="all-reports-table"
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: reports.data?.total ?? 0,
            showSizeChanger: true,
            onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
          }}
          columns={[
            {
              title: t("reports.programme"),
              key: "programme",
              render: (_, r) => (
                <Link to={`/reports?programme=${r.programmeId}`}>
                  {r.programmeNumber ?? "—"}
                  {r.programmeTitle ? ` — ${r.programmeTitle}` : ""}
                </Link>
              ),
            },
            {
              title: t("reports.kind"),
              key: "kind",
              render: (_, r) => (
                <Link to={`/reports/${r.id}`}>{t(`reports.kinds.${r.kind}`, { year: r.year })}</Link>
              ),
            },
            { title: t("reports.format"), key: "format", render: (_, r) => t(`reports.formats.${r.format}`) },
            {
              title: t("reports.cutoff"),
              key: "cutoff",
              render: (_, r) => `${formatDate(r.cutoffFrom)} – ${formatDate(r.cutoffTo)}`,
            },
            {
              title: t("reports.status"),
              key: "status",
              render: (_, r) => <Tag>{t(`reports.statuses.${r.status}`, r.status)}</Tag>,
            },
            { title: t("common.updatedAt"), key: "updatedAt", render: (_, r) => formatDateTime(r.updatedAt) },
          ]}
        />
      </Card>
    </>
  );
}
