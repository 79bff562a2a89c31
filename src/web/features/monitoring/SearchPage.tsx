import { Alert, Card, Input, Tag } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { highlight, queryTerms } from "./highlight";
import { ItemsTable } from "./ItemsTable";
import { monitoringApi, type SearchFilters } from "./monitoring-api";
import { SavedSearchesCard } from "./SavedSearchesCard";
import { SearchSyntaxHelp } from "./SearchSyntaxHelp";
import "./monitoring.css";

function FilterTags({ filters }: { filters: SearchFilters }) {
  const { t } = useTranslation();
  const tags = [
    ...(filters.lang ?? []).map((v) => `lang:${v}`),
    ...(filters.country ?? []).map((v) => `country:${v}`),
    ...(filters.source ?? []).map((v) => `source:${v}`),
    ...(filters.topic ?? []).map((v) => `topic:${v}`),
    ...(filters.tone ?? []).map((v) => `tone:${v}`),
    ...(filters.dateFrom || filters.dateTo
      ? [`date:${filters.dateFrom ?? ""}..${filters.dateTo ?? ""}`]
      : []),
  ];
  if (tags.length === 0) return null;
  return (
    <span className="hd-ml">
      {t("monitoring.search.appliedFilters")}:{" "}
      {tags.map((tag) => (
        <Tag key={tag}>{tag}</Tag>
      ))}
    </span>
  );
}

/** "Tìm kiếm": the monitoring search language with help, highlighted results, saved searches and alerts. */
export default function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const page = Number(params.get("page") ?? 1) || 1;
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const load = useCallback(
    (signal: AbortSignal) => monitoringApi.search({ q, page, pageSize: 20 }, signal),
    [q, page],
  );
  const results = useApiData(q.trim() ? load : null);
  const terms = useMemo(() => queryTerms(q), [q]);
  const items = results.data?.items ?? [];
  // The server cuts each result's text around the match; the page only highlights it.
  const snippets = useMemo(() => new Map(items.map((i) => [i.id, i.snippet])), [items]);

  const run = (query: string, nextPage = 1) => {
    const next = new URLSearchParams();
    if (query.trim()) next.set("q", query.trim());
    if (nextPage > 1) next.set("page", String(nextPage));
    setParams(next);
  };

  return (
    <>
      <PageHeader title={t("monitoring.search.title")} description={t("monitoring.search.intro")} />
      <div className="hd-mon-search-grid">
        <div>
          <Input.Search
            size="large"
            enterButton={t("common.search")}
            allowClear
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onSearch={(value) => run(value)}
            placeholder={t("monitoring.search.placeholder")}
            aria-label={t("monitoring.search.query")}
            aria-describedby="search-help"
            className="hd-mb-s"
            data-testid="search-input"
          />
          <p id="search-help" className="hd-muted">
            {t("monitoring.search.hint")}
          </p>
          <SearchSyntaxHelp
            onExample={(example) => {
              setDraft(example);
              run(example);
            }}
          />
          {results.error && (
            <Alert type="error" showIcon title={results.error} className="hd-mb" role="alert" />
          )}
          <Card>
            <div className="hd-mon-toolbar" aria-live="polite" data-testid="search-status">
              {results.data ? (
                <span>
                  {t(
                    results.data.isTotalExact ? "monitoring.search.count" : "monitoring.search.countAtLeast",
                    {
                      count: results.data.total,
                    },
                  )}
                  <FilterTags filters={results.data.filters} />
                </span>
              ) : (
                <span className="hd-muted">{t("monitoring.search.enterQuery")}</span>
              )}
            </div>
            <ItemsTable
              caption={t("monitoring.search.results")}
              testId="search-results"
              items={items}
              loading={results.loading}
              renderTitle={(item) => highlight(item.title, terms)}
              renderExtra={(item) => {
                const text = snippets.get(item.id);
                return text ? <div className="hd-mon-snippet">{highlight(text, terms)}</div> : null;
              }}
              pagination={
                results.data && results.data.total > 20
                  ? {
                      current: page,
                      pageSize: 20,
                      total: results.data.total,
                      showSizeChanger: false,
                      onChange: (p) => run(q, p),
                    }
                  : false
              }
            />
          </Card>
        </div>
        <SavedSearchesCard query={q} onRun={(query) => run(query)} />
      </div>
    </>
  );
}
