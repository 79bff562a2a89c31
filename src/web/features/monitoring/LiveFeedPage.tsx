import { PauseCircleOutlined, PlayCircleOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Space } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { FEED_FILTERS, type FeedFilters, ItemFilters } from "./ItemFilters";
import { ItemsTable } from "./ItemsTable";
import { monitoringApi } from "./monitoring-api";
import "./monitoring.css";

/** How often the feed asks for new items while it is not paused. */
const POLL_MS = 30_000;
/** "Tin mới": the items newest first, filtered, refreshed every 30 seconds unless paused. */
export default function LiveFeedPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [isPaused, setPaused] = useState(false);
  const [checkedAt, setCheckedAt] = useState<string | null>(null);
  const filters: FeedFilters = Object.fromEntries(
    FEED_FILTERS.map((key) => [key, params.get(key) ?? undefined]),
  );
  const page = Number(params.get("page") ?? 1) || 1;
  const pageSize = Number(params.get("pageSize") ?? 20) || 20;
  const filterKey = JSON.stringify(filters);

  const load = useCallback(
    (signal: AbortSignal) =>
      monitoringApi.items({ ...(JSON.parse(filterKey) as FeedFilters), page, pageSize }, signal),
    [filterKey, page, pageSize],
  );
  const feed = useApiData(load);
  const { reload } = feed;

  // A silent refresh: keeps the rows on screen while the next page of news loads.
  const latestTop = useRef<string | null>(null);
  const [newCount, setNewCount] = useState(0);
  useEffect(() => {
    if (!feed.data) return;
    setCheckedAt(new Date().toISOString());
    const top = feed.data.items[0]?.id ?? null;
    if (latestTop.current && top && top !== latestTop.current) {
      const seen = feed.data.items.findIndex((i) => i.id === latestTop.current);
      setNewCount(seen < 0 ? feed.data.items.length : seen);
    }
    latestTop.current = top;
  }, [feed.data]);

  useEffect(() => {
    if (isPaused) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [isPaused, reload]);

  const setFilters = (patch: FeedFilters) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("page");
    latestTop.current = null;
    setNewCount(0);
    setParams(next, { replace: true });
  };

  const setPage = (nextPage: number, nextSize: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(nextPage));
    next.set("pageSize", String(nextSize));
    setParams(next);
  };

  return (
    <>
      <PageHeader
        title={t("monitoring.feed.title")}
        description={t("monitoring.feed.intro")}
        actions={
          <Space wrap>
            <Button
              icon={isPaused ? <PlayCircleOutlined /> : <PauseCircleOutlined />}
              onClick={() => setPaused(!isPaused)}
              aria-pressed={isPaused}
              data-testid="feed-pause"
            >
              {isPaused ? t("monitoring.feed.resume") : t("monitoring.feed.pause")}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={feed.loading}>
              {t("monitoring.feed.refresh")}
            </Button>
          </Space>
        }
      />
      <ItemFilters filters={filters} onChange={setFilters} />
      {feed.error && <Alert type="error" showIcon title={feed.error} className="hd-mb" role="alert" />}
      <Card>
        <div className="hd-mon-toolbar">
          <span aria-live="polite" data-testid="feed-status">
            {feed.data && t("monitoring.feed.count", { count: feed.data.total })}
            {newCount > 0 && ` · ${t("monitoring.feed.newItems", { count: newCount })}`}
          </span>
          <span className="hd-muted">
            {isPaused
              ? t("monitoring.feed.paused")
              : t("monitoring.feed.autoRefresh", { time: formatDateTime(checkedAt) })}
          </span>
        </div>
        <ItemsTable
          caption={t("monitoring.feed.title")}
          items={feed.data?.items ?? []}
          loading={feed.loading && !feed.data}
          pagination={{
            current: page,
            pageSize,
            total: feed.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            onChange: setPage,
            showTotal: (total, range) => t("table.range", { from: range[0], to: range[1], total }),
          }}
        />
      </Card>
    </>
  );
}
