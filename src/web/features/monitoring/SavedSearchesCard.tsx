import { BellOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, List, Popconfirm, Space, Tag, Tooltip } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { useApiData } from "../../components/use-api-data";
import { monitoringApi, type SavedSearch } from "./monitoring-api";
import { SavedSearchModal } from "./SavedSearchModal";

const loadSaved = (signal: AbortSignal) => monitoringApi.savedSearches(signal);

/** The user's saved searches with their alert settings: run, create from the current query, edit, delete. */
export function SavedSearchesCard({ query, onRun }: { query: string; onRun: (query: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useApiData(useCallback(loadSaved, []));
  const [editing, setEditing] = useState<SavedSearch | "new" | null>(null);

  const remove = async (s: SavedSearch) => {
    try {
      await monitoringApi.deleteSavedSearch(s.id);
      message.success(t("monitoring.saved.deleted"));
      saved.reload();
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  const alertsOf = (s: SavedSearch) => [
    ...(s.alertOnNew ? [t("monitoring.saved.onNewShort")] : []),
    ...(s.alertOnSpike ? [t("monitoring.saved.onSpikeShort")] : []),
    ...(s.digest ? [t(`monitoring.saved.digests.${s.digest}`)] : []),
  ];

  return (
    <Card
      title={<h2 className="hd-card-title">{t("monitoring.saved.title")}</h2>}
      extra={
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setEditing("new")}
          data-testid="save-search"
        >
          {t("monitoring.saved.saveCurrent")}
        </Button>
      }
    >
      {saved.error && <Alert type="error" showIcon title={saved.error} role="alert" />}
      <List<SavedSearch>
        loading={saved.loading}
        dataSource={saved.data ?? []}
        locale={{ emptyText: <Empty description={t("monitoring.saved.empty")} /> }}
        data-testid="saved-searches"
        renderItem={(s) => (
          <List.Item
            actions={[
              <Tooltip key="edit" title={t("common.edit")}>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={`${t("common.edit")}: ${s.name}`}
                  onClick={() => setEditing(s)}
                />
              </Tooltip>,
              <Popconfirm
                key="delete"
                title={t("monitoring.saved.confirmDelete", { name: s.name })}
                okText={t("monitoring.saved.delete")}
                cancelText={t("common.cancel")}
                onConfirm={() => remove(s)}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t("monitoring.saved.delete")}: ${s.name}`}
                />
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <Button type="link" className="hd-mon-case-title" onClick={() => onRun(s.query)}>
                  {s.name}
                </Button>
              }
              description={
                <Space orientation="vertical" size={2}>
                  <code>{s.query || "—"}</code>
                  {alertsOf(s).length > 0 && (
                    <span>
                      <BellOutlined aria-label={t("monitoring.saved.alerts")} />{" "}
                      {alertsOf(s).map((a) => (
                        <Tag key={a}>{a}</Tag>
                      ))}
                    </span>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {editing && (
        <SavedSearchModal
          open
          query={query}
          saved={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success(t("monitoring.saved.saved"));
            saved.reload();
          }}
        />
      )}
    </Card>
  );
}
