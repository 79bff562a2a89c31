import {
  CheckCircleOutlined,
  CloudDownloadOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  FileAddOutlined,
  ImportOutlined,
  PlusOutlined,
  SyncOutlined,
} from "@ant-design/icons";
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { download, isApiError } from "../../api/client";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useServerTable } from "../../components/use-server-table";
import { useAuth } from "../auth/auth-context";
import { ManualEntryModal } from "./ManualEntryModal";
import { monitoringApi, OUTLET_TYPES, type Source } from "./monitoring-api";
import { MONITORING_MANAGERS, useDisplayNames } from "./monitoring-labels";
import { OpmlImportModal } from "./OpmlImportModal";
import { SourceFormDrawer } from "./SourceFormDrawer";
import "./monitoring.css";

type SourceFilters = { q?: string; outletType?: string; hasErrors?: string };

function Health({ source }: { source: Source }) {
  const { t } = useTranslation();
  const h = source.health;
  return (
    <div data-testid="source-health">
      {h.state === "manual" ? (
        // Entered by hand, never fetched: there is no fetching health to report.
        <Tag>{t("monitoring.sources.manualOnly")}</Tag>
      ) : h.state === "never_fetched" ? (
        <Tag color="default" data-testid="never-fetched">
          {t("monitoring.sources.neverFetched")}
        </Tag>
      ) : h.isHealthy ? (
        <Tag color="success" icon={<CheckCircleOutlined aria-hidden />}>
          {t("monitoring.sources.healthy")}
        </Tag>
      ) : (
        <Tag color="error" icon={<ExclamationCircleOutlined aria-hidden />}>
          {t("monitoring.sources.failures", { count: h.consecutiveFailures })}
        </Tag>
      )}
      {h.isHealthy && h.lastErrorCode === "feed_recovered" && (
        // Read in spite of ill-formed XML: the items are in, the source's owner may want to know.
        <div className="hd-muted" data-testid="feed-recovered">
          <Tag color="warning">{t("monitoring.sources.recovered")}</Tag>
          {h.lastErrorMessage && <div>{h.lastErrorMessage}</div>}
        </div>
      )}
      <div className="hd-muted">
        {t("monitoring.sources.lastSuccess")}: {formatDateTime(h.lastSuccessAt) || "—"}
      </div>
      {h.lastErrorAt && (
        <div className="hd-mon-danger">
          {t("monitoring.sources.lastError")}: {formatDateTime(h.lastErrorAt)}
          {h.lastErrorCode && ` · ${h.lastErrorCode}`}
          {h.lastErrorMessage && <div className="hd-muted">{h.lastErrorMessage}</div>}
        </div>
      )}
      {source.isActive && source.format !== "manual" && (
        <div className="hd-muted">
          {t(h.consecutiveFailures > 0 ? "monitoring.sources.nextRetry" : "monitoring.sources.nextPoll")}:{" "}
          {formatDateTime(h.nextPollAt) || "—"}
        </div>
      )}
    </div>
  );
}

/** "Nguồn tin": sources with their health, add/edit, poll now, OPML import/export and manual entry. */
export default function SourcesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const names = useDisplayNames();
  const canManage = hasRole(...MONITORING_MANAGERS);
  const table = useServerTable<Source, SourceFilters>("/api/monitoring/sources", {
    filters: {},
    pageSize: 50,
  });
  const [editing, setEditing] = useState<Source | "new" | null>(null);
  const [dialog, setDialog] = useState<"opml" | "manual" | null>(null);
  const [polling, setPolling] = useState<string | null>(null);

  const pollNow = async (source: Source) => {
    setPolling(source.id);
    try {
      const r = await monitoringApi.pollNow(source.id);
      if (r.status === "error") message.error(t("monitoring.sources.pollError", { code: r.errorCode ?? "" }));
      else
        message.success(
          t(`monitoring.sources.pollDone.${r.status}`, { stored: r.stored, entries: r.entries }),
        );
      table.reload();
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    } finally {
      setPolling(null);
    }
  };

  const exportOpml = async () => {
    try {
      await download("/api/monitoring/sources/opml", {}, "haidang-sources.opml");
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  return (
    <>
      <PageHeader
        title={t("monitoring.sources.title")}
        description={t("monitoring.sources.intro")}
        actions={
          <Space wrap>
            {canManage && (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
                  {t("monitoring.sources.add")}
                </Button>
                <Button icon={<FileAddOutlined />} onClick={() => setDialog("manual")}>
                  {t("monitoring.manual.title")}
                </Button>
                <Button icon={<ImportOutlined />} onClick={() => setDialog("opml")}>
                  {t("monitoring.opml.title")}
                </Button>
              </>
            )}
            <Button icon={<CloudDownloadOutlined />} onClick={exportOpml}>
              {t("monitoring.opml.export")}
            </Button>
          </Space>
        }
      />
      <search className="hd-filters" aria-label={t("common.filters")}>
        <Input.Search
          allowClear
          placeholder={t("monitoring.sources.search")}
          aria-label={t("monitoring.sources.search")}
          onSearch={(v) => table.setFilter("q", v.trim() || undefined)}
          className="hd-filter-search"
        />
        <Select<string>
          allowClear
          placeholder={t("monitoring.filters.outletType")}
          aria-label={t("monitoring.filters.outletType")}
          onChange={(v) => table.setFilter("outletType", v ?? undefined)}
          options={OUTLET_TYPES.map((o) => ({ value: o, label: t(`monitoring.outletTypes.${o}`) }))}
          className="hd-filter-select"
        />
        <Select<string>
          allowClear
          placeholder={t("monitoring.sources.anyHealth")}
          aria-label={t("monitoring.sources.health")}
          onChange={(v) => table.setFilter("hasErrors", v ?? undefined)}
          options={[
            { value: "false", label: t("monitoring.sources.healthy") },
            { value: "true", label: t("monitoring.sources.withErrors") },
          ]}
          className="hd-filter-select"
        />
      </search>
      {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" role="alert" />}
      <Card>
        <Table<Source>
          {...table.tableProps}
          size="middle"
          data-testid="sources-table"
          aria-label={t("monitoring.sources.title")}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t("monitoring.sources.name"),
              key: "name",
              render: (_, s) => (
                <div>
                  <span className="hd-strong">{s.name}</span>
                  {!s.isActive && <Tag className="hd-ml">{t("monitoring.sources.inactive")}</Tag>}
                  {s.url && (
                    <div className="hd-muted hd-mon-url" title={s.url}>
                      {s.url}
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: t("monitoring.sources.kind"),
              key: "kind",
              width: 170,
              render: (_, s) => (
                <div>
                  <div>{t(`monitoring.outletTypes.${s.outletType}`)}</div>
                  <div className="hd-muted">
                    {t(`monitoring.formats.${s.format}`)} · {names.country(s.country)}
                    {s.language && ` · ${names.language(s.language)}`}
                  </div>
                </div>
              ),
            },
            {
              title: t("monitoring.sources.pollMinutesShort"),
              key: "pollMinutes",
              width: 100,
              responsive: ["lg"],
              render: (_, s) => t("monitoring.sources.everyMinutes", { count: s.pollMinutes }),
            },
            { title: t("monitoring.sources.items"), dataIndex: "itemCount", key: "itemCount", width: 80 },
            {
              title: t("monitoring.sources.health"),
              key: "health",
              width: 260,
              render: (_, s) => <Health source={s} />,
            },
            ...(canManage
              ? [
                  {
                    title: t("common.actions"),
                    key: "actions",
                    width: 110,
                    render: (_: unknown, s: Source) => (
                      <Space>
                        <Tooltip title={t("common.edit")}>
                          <Button
                            icon={<EditOutlined />}
                            aria-label={`${t("common.edit")}: ${s.name}`}
                            onClick={() => setEditing(s)}
                          />
                        </Tooltip>
                        {s.format !== "manual" && (
                          <Tooltip title={t("monitoring.sources.pollNow")}>
                            <Button
                              icon={<SyncOutlined />}
                              loading={polling === s.id}
                              aria-label={`${t("monitoring.sources.pollNow")}: ${s.name}`}
                              onClick={() => pollNow(s)}
                            />
                          </Tooltip>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && (
        <SourceFormDrawer
          open
          source={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            message.success(t("monitoring.sources.saved", { name: saved.name }));
            table.reload();
          }}
        />
      )}
      {dialog === "opml" && (
        <OpmlImportModal open onClose={() => setDialog(null)} onImported={table.reload} />
      )}
      {dialog === "manual" && <ManualEntryModal open onClose={() => setDialog(null)} />}
    </>
  );
}
