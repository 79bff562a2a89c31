import { FileExcelOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Segmented,
  Select,
  Statistic,
  Table,
} from "antd";
import dayjs from "dayjs";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { download, isApiError } from "../../api/client";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { Chart } from "../dashboard/Chart";
import {
  DIMENSIONS,
  type Dimension,
  GRANULARITIES,
  type Granularity,
  monitoringApi,
  type TopOutlet,
  type TopStory,
} from "./monitoring-api";
import { useDisplayNames, useTopics } from "./monitoring-labels";
import { coverageBars, coveragePie, keysByTotal } from "./stats-charts";
import "./monitoring.css";

const isOf = <T extends string>(list: readonly T[], value: string | null): value is T =>
  (list as readonly string[]).includes(value ?? "");

/** "Thống kê": coverage over time by a dimension, its shares, top outlets and stories, XLSX export. */
export default function StatsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useDisplayNames();
  const topics = useTopics();
  const [params, setParams] = useSearchParams();
  const from = params.get("from") ?? dayjs().subtract(29, "day").format("YYYY-MM-DD");
  const to = params.get("to") ?? dayjs().format("YYYY-MM-DD");
  const granularityParam = params.get("granularity");
  const dimensionParam = params.get("dimension");
  const granularity: Granularity = isOf(GRANULARITIES, granularityParam) ? granularityParam : "day";
  const dimension: Dimension = isOf(DIMENSIONS, dimensionParam) ? dimensionParam : "language";
  const [exporting, setExporting] = useState(false);

  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    setParams(next, { replace: true });
  };

  const loadCoverage = useCallback(
    (signal: AbortSignal) => monitoringApi.coverage({ from, to, granularity, dimension }, signal),
    [from, to, granularity, dimension],
  );
  const loadTop = useCallback(
    (signal: AbortSignal) => monitoringApi.top({ from, to, limit: 10 }, signal),
    [from, to],
  );
  const coverage = useApiData(loadCoverage);
  const top = useApiData(loadTop);

  const label = useCallback(
    (key: string) => {
      if (dimension === "language") return names.language(key);
      if (dimension === "country") return names.country(key);
      if (dimension === "outletType") return t(`monitoring.outletTypes.${key}`, key);
      if (dimension === "tone") return t(`monitoring.tones.${key}`, key);
      return topics.name(key);
    },
    [dimension, names, t, topics],
  );
  const charts = useMemo(() => {
    if (!coverage.data) return null;
    const totals = keysByTotal(coverage.data);
    // The charts' text alternative: the same figures in words.
    const description = t("monitoring.stats.chartLabel", {
      dimension: t(`monitoring.stats.dimensions.${dimension}`),
      from: formatDate(from),
      to: formatDate(to),
      summary: totals.map((k) => `${label(k.key)}: ${k.total}`).join("; "),
    });
    return {
      bars: coverageBars(coverage.data, label, description, t("monitoring.stats.granularities.week")),
      pie: coveragePie(coverage.data, label, description),
      totals,
      description,
    };
  }, [coverage.data, label, t, dimension, from, to]);
  const total = dimension === "topic" ? null : (charts?.totals.reduce((sum, k) => sum + k.total, 0) ?? 0);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download(
        "/api/monitoring/stats/export.xlsx",
        { from, to, granularity },
        `thong-ke-${from}-${to}.xlsx`,
      );
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t("monitoring.stats.title")}
        description={t("monitoring.stats.intro")}
        actions={
          <Button
            icon={<FileExcelOutlined />}
            loading={exporting}
            onClick={exportXlsx}
            data-testid="stats-export"
          >
            {t("monitoring.stats.export")}
          </Button>
        }
      />
      <search className="hd-filters" aria-label={t("common.filters")}>
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          allowClear={false}
          aria-label={t("monitoring.filters.dateRange")}
          value={[dayjs(from), dayjs(to)]}
          onChange={(range) => {
            if (range?.[0] && range[1])
              set({ from: range[0].format("YYYY-MM-DD"), to: range[1].format("YYYY-MM-DD") });
          }}
        />
        <Segmented<Granularity>
          aria-label={t("monitoring.stats.granularity")}
          value={granularity}
          onChange={(v) => set({ granularity: v })}
          options={GRANULARITIES.map((g) => ({ value: g, label: t(`monitoring.stats.granularities.${g}`) }))}
        />
        <Select<Dimension>
          aria-label={t("monitoring.stats.dimension")}
          value={dimension}
          onChange={(v) => set({ dimension: v })}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`monitoring.stats.byDimension.${d}`) }))}
          className="hd-filter-select"
          data-testid="stats-dimension"
        />
      </search>
      {(coverage.error || top.error) && (
        <Alert type="error" showIcon title={coverage.error ?? top.error} className="hd-mb" role="alert" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            title={<h2 className="hd-card-title">{t("monitoring.stats.coverage")}</h2>}
            extra={
              total !== null && (
                <Statistic
                  value={total}
                  suffix={t("monitoring.stats.itemsSuffix")}
                  className="hd-stat-small"
                />
              )
            }
            loading={coverage.loading && !coverage.data}
          >
            {charts && charts.totals.length > 0 ? (
              <Chart option={charts.bars} label={charts.description} height={340} testId="chart-coverage" />
            ) : (
              <Empty description={t("monitoring.stats.noData")} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card
            title={<h2 className="hd-card-title">{t(`monitoring.stats.byDimension.${dimension}`)}</h2>}
            loading={coverage.loading && !coverage.data}
          >
            {charts && charts.totals.length > 0 ? (
              <Chart option={charts.pie} label={charts.description} height={340} testId="chart-share" />
            ) : (
              <Empty description={t("monitoring.stats.noData")} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="hd-card-title">{t("monitoring.stats.topOutlets")}</h2>}>
            <Table<TopOutlet>
              rowKey="id"
              size="small"
              pagination={false}
              loading={top.loading}
              dataSource={top.data?.outlets ?? []}
              aria-label={t("monitoring.stats.topOutlets")}
              data-testid="top-outlets"
              columns={[
                {
                  title: t("monitoring.sources.name"),
                  key: "name",
                  render: (_, o) => (
                    <div>
                      <div>{o.name}</div>
                      <div className="hd-muted">
                        {t(`monitoring.outletTypes.${o.outlet_type}`)} · {names.country(o.country)}
                      </div>
                    </div>
                  ),
                },
                { title: t("monitoring.stats.items"), dataIndex: "n", key: "n", width: 90 },
                { title: t("monitoring.stats.negative"), dataIndex: "negative", key: "negative", width: 110 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="hd-card-title">{t("monitoring.stats.topStories")}</h2>}>
            <Table<TopStory>
              rowKey="id"
              size="small"
              pagination={false}
              loading={top.loading}
              dataSource={top.data?.stories ?? []}
              aria-label={t("monitoring.stats.topStories")}
              data-testid="top-stories"
              columns={[
                {
                  title: t("monitoring.stats.story"),
                  key: "title",
                  render: (_, s) => <Link to={`/monitoring/stories/${s.id}`}>{s.title}</Link>,
                },
                { title: t("monitoring.stats.items"), dataIndex: "n", key: "n", width: 90 },
                { title: t("monitoring.stats.outlets"), dataIndex: "outlets", key: "outlets", width: 90 },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
