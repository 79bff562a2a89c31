/**
 * The translator's queue (texts waiting for a translation in my languages, outdated ones first) and the
 * reviewer's queue (texts in review that I did not write), each row opening the side-by-side editor.
 */
import { Alert, Select, Table, Tabs, Tag } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PORTAL_KNOWN_LANGUAGES } from "../../../shared/api/portal";
import type { PortalQueueEntry, PortalQueueKind } from "../../../shared/api/portal-queue";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { portalApi } from "./portal-api";

const STATE_COLORS: Record<PortalQueueEntry["state"], string> = {
  missing: "default",
  draft: "default",
  translating: "gold",
  review: "orange",
  approved: "blue",
  published: "green",
};

export default function PortalQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind: PortalQueueKind = params.get("kind") === "review" ? "review" : "translate";
  // The language filter lives in the address, like the tab: a queue link can be shared or reloaded.
  const lang = PORTAL_KNOWN_LANGUAGES.find((l) => l === params.get("lang"));
  const meta = useApiData(useCallback((signal: AbortSignal) => portalApi.meta(signal), []));
  const queue = useApiData(
    useCallback((signal: AbortSignal) => portalApi.queue(kind, lang, signal), [kind, lang]),
  );
  const languages = (meta.data?.languages ?? []).filter((l) => kind === "review" || l !== "vi");

  const table = (
    <>
      {queue.error && <Alert type="error" showIcon title={queue.error} className="hd-mb" />}
      {queue.data?.truncated && (
        <Alert type="info" showIcon title={t("portal.queue.truncated")} className="hd-mb" />
      )}
      <Table<PortalQueueEntry>
        rowKey={(r) => `${r.itemId}-${r.lang}`}
        loading={queue.loading}
        dataSource={queue.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t("portal.queue.empty") }}
        columns={[
          {
            key: "title",
            title: t("portal.itemTitle"),
            render: (_, r) => (
              <>
                <div lang="vi">{r.sourceTitle}</div>
                {r.title && (
                  <div className="hd-muted" lang={r.lang}>
                    {r.title}
                  </div>
                )}
              </>
            ),
          },
          { key: "lang", title: t("portal.language"), render: (_, r) => t(`portal.languages.${r.lang}`) },
          {
            key: "state",
            title: t("portal.state"),
            render: (_, r) => (
              <>
                <Tag color={STATE_COLORS[r.state]}>{t(`portal.states.${r.state}`)}</Tag>
                {r.isOutdated && <Tag color="red">{t("portal.outdated")}</Tag>}
              </>
            ),
          },
          {
            key: "updatedAt",
            title: t("portal.updatedAt"),
            render: (_, r) => new Date(r.updatedAt).toLocaleString("vi-VN"),
          },
          {
            key: "open",
            title: "",
            render: (_, r) => (
              <Link to={`/portal/items/${encodeURIComponent(r.itemId)}?lang=${r.lang}`}>
                {t(kind === "review" ? "portal.queue.openReview" : "portal.queue.open")}
                <span className="hd-sr-only">: {r.sourceTitle}</span>
              </Link>
            ),
          },
        ]}
      />
    </>
  );

  return (
    <>
      <PageHeader
        title={t("portal.queue.title")}
        description={t("portal.queue.intro")}
        actions={
          <Select<string>
            allowClear
            placeholder={t("portal.queue.allLanguages")}
            aria-label={t("portal.language")}
            className="hd-filter-select"
            value={lang}
            options={languages.map((l) => ({ value: l, label: t(`portal.languages.${l}`) }))}
            onChange={(v) => setParams(v ? { kind, lang: v } : { kind })}
          />
        }
      />
      <Tabs
        activeKey={kind}
        onChange={(k) => setParams({ kind: k })}
        items={[
          { key: "translate", label: t("portal.queue.translate"), children: kind === "translate" && table },
          { key: "review", label: t("portal.queue.review"), children: kind === "review" && table },
        ]}
      />
    </>
  );
}
