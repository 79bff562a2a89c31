import { Alert, Card, Col, DatePicker, Row, Statistic, Table } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { PressVisitListItem } from "../../../shared/api/press-visits";
import { PRESS_VISIT_IMPORT_TEMPLATE } from "../../../shared/registers/import-templates";
import { PageHeader } from "../../components/PageHeader";
import { RegisterActions } from "../../components/registers/RegisterActions";
import { CountryFilter, RegisterFilters, YearFilter } from "../../components/registers/RegisterFilters";
import { useApiData } from "../../components/use-api-data";
import { useServerTable } from "../../components/use-server-table";
import { useAuth } from "../auth/auth-context";
import { PressVisitFormDrawer } from "./PressVisitFormDrawer";
import { pressVisitsApi } from "./press-visits-api";

export const PRESS_MANAGERS = ["admin", "secretariat"] as const;

type Filters = { q: string | undefined; country: string | undefined; year: number | undefined };

/** Totals of a period (this year by default): groups, reporters, outlets, countries, articles. */
function TotalsCard() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf("year"), dayjs().endOf("year")]);
  const from = range[0].format("YYYY-MM-DD");
  const to = range[1].format("YYYY-MM-DD");
  const totals = useApiData(
    useCallback((signal: AbortSignal) => pressVisitsApi.totals(from, to, signal), [from, to]),
  );
  const keys = ["groups", "people", "outlets", "countries", "articles"] as const;
  return (
    <Card
      title={t("pressVisits.totals.title")}
      className="hd-mb"
      extra={
        <DatePicker.RangePicker
          aria-label={t("pressVisits.totals.title")}
          format="DD/MM/YYYY"
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
      }
    >
      {totals.error && <Alert type="error" showIcon title={totals.error} />}
      <Row gutter={16}>
        {keys.map((k) => (
          <Col key={k} xs={12} md={4}>
            <Statistic
              title={t(`pressVisits.totals.${k}`)}
              value={totals.data?.[k] ?? 0}
              loading={totals.loading}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** The foreign press visits register: totals, search, filters, export, and a drawer to add a visit. */
export default function PressVisitsPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const canManage = hasRole(...PRESS_MANAGERS);
  const [adding, setAdding] = useState(false);
  const table = useServerTable<PressVisitListItem, Filters>("/api/press-visits", {
    filters: { q: undefined, country: undefined, year: undefined },
  });
  const { filters, setFilter } = table;

  return (
    <>
      <PageHeader
        title={t("pressVisits.title")}
        description={t("pressVisits.intro")}
        actions={
          <RegisterActions
            canManage={canManage}
            addLabel={t("pressVisits.add")}
            onAdd={() => setAdding(true)}
            exportAs={(format) => pressVisitsApi.export(filters, format)}
            importer={{
              path: "/api/press-visits/import",
              template: PRESS_VISIT_IMPORT_TEMPLATE,
              title: t("pressVisits.title"),
              onImported: table.reload,
            }}
          />
        }
      />
      <TotalsCard />
      <RegisterFilters searchLabel={t("pressVisits.search")} onSearch={(q) => setFilter("q", q)}>
        <CountryFilter
          label={t("pressVisits.fields.country")}
          value={filters.country}
          onChange={(v) => setFilter("country", v)}
        />
        <YearFilter
          label={t("pressVisits.allYears")}
          value={filters.year}
          onChange={(v) => setFilter("year", v)}
        />
      </RegisterFilters>
      {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
      <Card>
        <Table<PressVisitListItem>
          {...table.tableProps}
          size="middle"
          locale={{ emptyText: t("pressVisits.empty") }}
          columns={[
            {
              title: t("pressVisits.fields.groupName"),
              dataIndex: "groupName",
              render: (name: string, v) => <Link to={`/press-visits/${v.id}`}>{name}</Link>,
            },
            {
              title: t("pressVisits.fields.dates"),
              key: "dates",
              width: 190,
              render: (_: unknown, v) => `${v.startDate} – ${v.endDate}`,
            },
            { title: t("pressVisits.fields.people"), dataIndex: "peopleCount", width: 100, align: "right" },
            {
              title: t("pressVisits.fields.outlets"),
              dataIndex: "outlets",
              render: (outlets: string[]) => outlets.join(", "),
            },
            {
              title: t("pressVisits.fields.country"),
              dataIndex: "countries",
              width: 120,
              render: (codes: string[]) => codes.join(", "),
            },
            { title: t("pressVisits.fields.articles"), dataIndex: "articleCount", width: 90, align: "right" },
          ]}
        />
      </Card>
      <PressVisitFormDrawer
        open={adding}
        visit={null}
        onClose={() => setAdding(false)}
        onSaved={(saved) => {
          setAdding(false);
          table.reload();
          navigate(`/press-visits/${saved.id}`);
        }}
      />
    </>
  );
}
