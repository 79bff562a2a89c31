/** A response case's rebuttal articles on the portal: per language with state and views; link and unlink. */
import { DeleteOutlined } from "@ant-design/icons";
import { Alert, Button, List, Space, Tag, Typography } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalItemRow } from "../../../shared/api/portal";
import type { CaseRebuttals as CaseRebuttalsDto } from "../../../shared/api/portal-rebuttals";
import { api, isApiError, request } from "../../api/client";
import { RemoteSelect } from "../../components/RemoteSelect";
import { useApiData } from "../../components/use-api-data";

const itemOption = (i: PortalItemRow) => ({ value: i.id, label: i.sourceTitle });

export function CaseRebuttals({ caseId, canLink }: { caseId: string; canLink: boolean }) {
  const { t } = useTranslation();
  const path = `/api/monitoring/cases/${encodeURIComponent(caseId)}/rebuttals`;
  const load = useCallback(
    (signal: AbortSignal) => api.get<CaseRebuttalsDto>(path, undefined, signal),
    [path],
  );
  const loaded = useApiData(load);
  const [picked, setPicked] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const data = loaded.data;

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setPicked(undefined);
      loaded.reload();
    } catch (err) {
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
    }
  };

  return (
    <section aria-labelledby={`rebuttals-${caseId}`} className="hd-mb">
      <Typography.Title level={5} id={`rebuttals-${caseId}`}>
        {t("monitoringTies.rebuttals.title")}
      </Typography.Title>
      {(error ?? loaded.error) && <Alert type="error" showIcon title={error ?? loaded.error} role="alert" />}
      {data && (
        <>
          <Typography.Paragraph type="secondary">
            {t("monitoringTies.rebuttals.figures", data.figures)}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={data.items}
            locale={{ emptyText: t("monitoringTies.rebuttals.empty") }}
            renderItem={(item) => (
              <List.Item
                actions={
                  canLink
                    ? [
                        <Button
                          key="unlink"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t("monitoringTies.rebuttals.unlink", { title: item.sourceTitle })}
                          onClick={() => run(() => api.delete(`${path}/${encodeURIComponent(item.itemId)}`))}
                        />,
                      ]
                    : []
                }
              >
                <Space direction="vertical" size={2}>
                  <Typography.Text strong>{item.sourceTitle}</Typography.Text>
                  <Space wrap size={4}>
                    {item.languages.map((l) => (
                      <Tag key={l.lang} color={l.state === "published" ? "green" : undefined}>
                        {l.publicPath ? (
                          <a href={l.publicPath} target="_blank" rel="noreferrer">
                            {l.lang.toUpperCase()}
                          </a>
                        ) : (
                          l.lang.toUpperCase()
                        )}{" "}
                        · {t(`monitoringTies.rebuttals.states.${l.state}`)} ·{" "}
                        {t("monitoringTies.rebuttals.views", { n: l.views })}
                      </Tag>
                    ))}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      {canLink && (
        <Space.Compact className="hd-mt" style={{ width: "100%" }}>
          <RemoteSelect<PortalItemRow>
            path="/api/portal/items"
            toOption={itemOption}
            value={picked}
            onChange={(v) => setPicked(v ?? undefined)}
            placeholder={t("monitoringTies.rebuttals.pick")}
            aria-label={t("monitoringTies.rebuttals.pick")}
            excludeIds={data?.items.map((i) => i.itemId) ?? []}
            style={{ width: "100%" }}
          />
          <Button
            disabled={!picked}
            onClick={() =>
              picked && run(() => request("PUT", `${path}/${encodeURIComponent(picked)}`, { body: {} }))
            }
          >
            {t("monitoringTies.rebuttals.link")}
          </Button>
        </Space.Compact>
      )}
    </section>
  );
}
