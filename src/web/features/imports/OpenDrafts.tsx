import { Button, Card, List, Popconfirm, Space, Tag, Typography } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../api/client";
import { formatDateTime } from "../../components/format";
import { useApiData } from "../../components/use-api-data";
import { importsApi } from "./imports-api";

/** Uploads still waiting for review, so that leaving the review page never loses a draft. */
export function OpenDrafts() {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => importsApi.drafts(signal), []);
  const { data, error, reload } = useApiData(load);
  if (!data?.items.length && !error) return null;

  const discard = async (id: string) => {
    try {
      await importsApi.discard(id);
    } catch (err) {
      if (!isApiError(err)) throw err;
    }
    reload();
  };

  return (
    <Card
      title={<h2 className="hd-card-title">{t("imports.openDrafts", { count: data?.total ?? 0 })}</h2>}
      className="hd-mb"
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <List
        dataSource={data?.items ?? []}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Link key="review" to={`/programmes/import/${d.id}`}>
                {t("imports.continueReview")}
              </Link>,
              <Popconfirm key="discard" title={t("imports.discardConfirm")} onConfirm={() => discard(d.id)}>
                <Button type="link" danger size="small">
                  {t("imports.discard")}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{d.documentNumber ?? d.filename}</span>
                  {d.existingProgrammeId && <Tag color="blue">{t("imports.newVersionTag")}</Tag>}
                  {d.warningCount > 0 && (
                    <Tag color="orange">{t("imports.warningCount", { count: d.warningCount })}</Tag>
                  )}
                </Space>
              }
              description={t("imports.draftLine", {
                title: d.documentTitle ?? d.filename,
                tasks: d.taskCount,
                who: d.createdByName ?? "—",
                when: formatDateTime(d.createdAt),
              })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
