import { Alert, Button, Input, Select, Space, Table, Tag } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  PORTAL_ITEM_KINDS,
  PORTAL_KNOWN_LANGUAGES,
  PORTAL_STATES,
  type PortalItemPage,
  type PortalItemRow,
} from "../../../shared/api/portal";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { useServerTable } from "../../components/use-server-table";
import { portalApi, publicHref } from "./portal-api";

type Filters = { lang?: string; state?: string; kind?: string; q?: string };

const STATE_COLORS: Record<PortalItemRow["state"], string> = {
  missing: "default",
  draft: "default",
  translating: "gold",
  review: "orange",
  approved: "blue",
  published: "green",
};

/** Every language of one item with its state, each opening the editor on that language. */
function LanguageStates({ id, languages }: { id: string; languages: readonly string[] }) {
  const { t } = useTranslation();
  const item = useApiData(useCallback((signal: AbortSignal) => portalApi.get(id, signal), [id]));
  if (item.error) return <Alert type="error" showIcon title={item.error} />;
  if (!item.data) return null;
  return (
    <Space wrap aria-label={t("portal.list.languageStates")}>
      {languages.map((lang) => {
        const loc = item.data?.localizations.find((l) => l.lang === lang);
        const state = loc?.state ?? "missing";
        return (
          <Link key={lang} to={`/portal/items/${encodeURIComponent(id)}?lang=${lang}`}>
            <Tag color={STATE_COLORS[state]}>
              {t(`portal.languages.${lang}`)}: {t(`portal.states.${state}`)}
              {loc?.isOutdated ? ` · ${t("portal.outdated")}` : ""}
            </Tag>
          </Link>
        );
      })}
    </Space>
  );
}

/** "Cổng thông tin đối ngoại": items in one language with their translation state, and links to the public site. */
export default function PortalItemsPage() {
  const { t } = useTranslation();
  const table = useServerTable<PortalItemRow, Filters>("/api/portal/items", {
    filters: { lang: "vi" },
    pageSize: 50,
  });
  // The list answer carries the enabled languages and the public site's address beside the rows.
  const meta = table.data as PortalItemPage | null;
  const languages = meta?.languages ?? [...PORTAL_KNOWN_LANGUAGES];
  const site = meta?.publicSite ?? { url: null, port: 8081 };

  return (
    <>
      <PageHeader
        title={t("portal.title")}
        description={t("portal.intro")}
        actions={
          <Space wrap>
            <Link to="/portal/queue">
              <Button>{t("portal.list.queue")}</Button>
            </Link>
            <Link to="/portal/glossary">
              <Button>{t("portal.list.glossary")}</Button>
            </Link>
          </Space>
        }
      />
      <search className="hd-filters" aria-label={t("common.filters")}>
        <Select<string>
          value={table.filters.lang ?? "vi"}
          aria-label={t("portal.language")}
          className="hd-filter-select"
          options={languages.map((l) => ({ value: l, label: t(`portal.languages.${l}`) }))}
          onChange={(v) => table.setFilter("lang", v)}
        />
        <Select<string>
          allowClear
          placeholder={t("portal.allStates")}
          aria-label={t("portal.state")}
          className="hd-filter-select"
          options={PORTAL_STATES.map((s) => ({ value: s, label: t(`portal.states.${s}`) }))}
          onChange={(v) => table.setFilter("state", v)}
        />
        <Select<string>
          allowClear
          placeholder={t("portal.allKinds")}
          aria-label={t("portal.kind")}
          className="hd-filter-select"
          options={PORTAL_ITEM_KINDS.map((k) => ({ value: k, label: t(`portal.kinds.${k}`) }))}
          onChange={(v) => table.setFilter("kind", v)}
        />
        <Input.Search
          allowClear
          placeholder={t("portal.search")}
          aria-label={t("portal.search")}
          onSearch={(v) => table.setFilter("q", v.trim() || undefined)}
          className="hd-filter-search"
        />
      </search>
      {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
      <Table<PortalItemRow>
        {...table.tableProps}
        expandable={{
          expandedRowRender: (r) => <LanguageStates id={r.id} languages={languages} />,
          columnTitle: t("portal.list.languageStates"),
        }}
        columns={[
          {
            key: "title",
            title: t("portal.itemTitle"),
            render: (_, r) => (
              <>
                <div>
                  <Link
                    to={`/portal/items/${encodeURIComponent(r.id)}?lang=${r.lang}`}
                    aria-label={`${t("portal.list.edit")}: ${r.title ?? r.sourceTitle}`}
                  >
                    {r.title ?? <span className="hd-muted">{r.sourceTitle}</span>}
                  </Link>
                </div>
                {r.lang !== "vi" && r.title && <div className="hd-muted">{r.sourceTitle}</div>}
              </>
            ),
          },
          {
            key: "kind",
            title: t("portal.kind"),
            render: (_, r) =>
              t(r.productType ? `portal.productTypes.${r.productType}` : `portal.kinds.${r.kind}`),
          },
          {
            key: "state",
            title: t("portal.state"),
            render: (_, r) => (
              <>
                <Tag color={STATE_COLORS[r.state]}>{t(`portal.states.${r.state}`)}</Tag>
                {r.isOutdated && <Tag color="red">{t("portal.outdated")}</Tag>}
                {r.state !== "published" && r.isFallbackAllowed && <Tag>{t("portal.fallback")}</Tag>}
              </>
            ),
          },
          {
            key: "public",
            title: t("portal.publicPage"),
            render: (_, r) =>
              r.publicPath ? (
                <a href={publicHref(site, r.publicPath)} target="_blank" rel="noreferrer">
                  {t("portal.open")}
                </a>
              ) : (
                "—"
              ),
          },
          {
            key: "updatedAt",
            title: t("portal.updatedAt"),
            render: (_, r) => new Date(r.updatedAt).toLocaleString("vi-VN"),
          },
        ]}
      />
    </>
  );
}
