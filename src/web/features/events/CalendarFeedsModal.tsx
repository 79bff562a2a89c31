import { Alert, App, Button, Input, List, Modal, Space, Tag, Typography } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../components/format";
import { useApiData } from "../../components/use-api-data";
import { useSubmit } from "../../components/use-submit";
import { eventsApi } from "./events-api";

/** Personal ICS subscriptions: create one (its address is shown once), see and revoke the others. */
export function CalendarFeedsModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const load = useCallback((signal: AbortSignal) => eventsApi.feeds(signal), []);
  const feeds = useApiData(open ? load : null);
  const [label, setLabel] = useState("");
  const [createdUrl, setCreatedUrl] = useState<string | null>(null);
  const { saving, error, run } = useSubmit();

  const create = () =>
    run(async () => {
      const created = await eventsApi.createFeed(label.trim() || t("events.feeds.defaultLabel"));
      setCreatedUrl(new URL(created.path, window.location.origin).toString());
      setLabel("");
      feeds.reload();
    });
  const revoke = (id: string) =>
    run(async () => {
      await eventsApi.revokeFeed(id);
      message.success(t("events.feeds.revoked"));
      feeds.reload();
    });

  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t("events.feeds.title")} width={640}>
      <Typography.Paragraph type="secondary">{t("events.feeds.intro")}</Typography.Paragraph>
      {(error || feeds.error) && (
        <Alert type="error" showIcon title={error ?? feeds.error} className="hd-mb" />
      )}
      {createdUrl && (
        <Alert
          type="success"
          showIcon
          className="hd-mb"
          title={t("events.feeds.createdOnce")}
          description={<Typography.Text copyable={{ text: createdUrl }}>{createdUrl}</Typography.Text>}
        />
      )}
      <Space.Compact className="hd-mb" style={{ width: "100%" }}>
        <Input
          aria-label={t("events.feeds.label")}
          placeholder={t("events.feeds.defaultLabel")}
          value={label}
          maxLength={100}
          onChange={(e) => setLabel(e.target.value)}
        />
        <Button type="primary" loading={saving} onClick={create}>
          {t("events.feeds.create")}
        </Button>
      </Space.Compact>
      <List
        loading={feeds.loading}
        dataSource={feeds.data?.items ?? []}
        locale={{ emptyText: t("events.feeds.none") }}
        renderItem={(feed) => (
          <List.Item
            actions={
              feed.revokedAt
                ? []
                : [
                    <Button key="revoke" danger size="small" onClick={() => revoke(feed.id)}>
                      {t("events.feeds.revoke")}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {feed.label}
                  {feed.revokedAt && <Tag>{t("events.feeds.revokedTag")}</Tag>}
                </Space>
              }
              description={t("events.feeds.meta", {
                created: formatDateTime(feed.createdAt),
                used: feed.lastUsedAt ? formatDateTime(feed.lastUsedAt) : t("events.feeds.neverUsed"),
              })}
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
