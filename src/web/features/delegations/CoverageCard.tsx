import { CheckOutlined, CloseOutlined } from "@ant-design/icons";
import { App, Button, Card, List, Space, Tag, Typography } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { Coverage, CoverageItem } from "../../../shared/api/delegations";
import { isApiError } from "../../api/client";
import { useApiData } from "../../components/use-api-data";

/**
 * Coverage of a register entry (a delegation, a press visit): confirmed articles, and the proposals from
 * media monitoring that the secretariat confirms or rejects.
 */
export function CoverageCard(props: {
  load(signal: AbortSignal): Promise<Coverage>;
  decide(itemId: string, decision: "confirmed" | "rejected"): Promise<Coverage>;
  canDecide: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { load, decide, canDecide } = props;
  const data = useApiData(useCallback((signal: AbortSignal) => load(signal), [load]));

  const act = async (itemId: string, decision: "confirmed" | "rejected") => {
    try {
      data.setData(await decide(itemId, decision));
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  const row = (item: CoverageItem, actions: boolean) => (
    <List.Item
      actions={
        actions && canDecide
          ? [
              <Button
                key="c"
                size="small"
                icon={<CheckOutlined />}
                onClick={() => act(item.itemId, "confirmed")}
              >
                {t("delegations.coverage.confirm")}
              </Button>,
              <Button
                key="r"
                size="small"
                icon={<CloseOutlined />}
                onClick={() => act(item.itemId, "rejected")}
              >
                {t("delegations.coverage.reject")}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          item.url ? (
            <a href={item.url} target="_blank" rel="noreferrer">
              {item.title}
            </a>
          ) : (
            item.title
          )
        }
        description={`${item.sourceName} · ${item.publishedDay}`}
      />
    </List.Item>
  );

  const coverage = data.data;
  return (
    <Card title={t("delegations.coverage.title")} loading={data.loading && !coverage} className="hd-mb">
      {data.error && <Typography.Text type="danger">{data.error}</Typography.Text>}
      {coverage && (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Typography.Title level={5}>
            {t("delegations.coverage.confirmed")} <Tag color="green">{coverage.confirmed.length}</Tag>
          </Typography.Title>
          <List
            size="small"
            dataSource={coverage.confirmed}
            locale={{ emptyText: t("delegations.coverage.none") }}
            renderItem={(item) => row(item, false)}
          />
          <Typography.Title level={5}>
            {t("delegations.coverage.proposed")} <Tag color="blue">{coverage.proposed.length}</Tag>
          </Typography.Title>
          <List
            size="small"
            dataSource={coverage.proposed}
            locale={{ emptyText: t("delegations.coverage.noProposals") }}
            renderItem={(item) => row(item, true)}
          />
          {coverage.rejected.length > 0 && (
            <Typography.Text type="secondary">
              {t("delegations.coverage.rejected")}: {coverage.rejected.length}
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}
