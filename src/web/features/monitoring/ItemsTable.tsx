import { EnvironmentOutlined } from "@ant-design/icons";
import { Table, type TableProps, Tag, Tooltip } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../../components/format";
import type { ItemSummary } from "./monitoring-api";
import { FlagTag, ToneTag, useDisplayNames, useTopics } from "./monitoring-labels";

/** Items newest first: the live feed, search results and a story's items share this table. */
export function ItemsTable({
  items,
  loading,
  pagination,
  renderTitle,
  renderExtra,
  testId = "items-table",
  caption,
}: {
  items: ItemSummary[];
  loading?: boolean;
  pagination?: TableProps<ItemSummary>["pagination"];
  /** Replaces the plain title (e.g. with highlighted search terms). */
  renderTitle?: (item: ItemSummary) => ReactNode;
  /** Shown under the title (e.g. a search snippet). */
  renderExtra?: (item: ItemSummary) => ReactNode;
  testId?: string;
  /** Accessible name of the table. */
  caption: string;
}) {
  const { t } = useTranslation();
  const names = useDisplayNames();
  const topics = useTopics();
  return (
    <Table<ItemSummary>
      rowKey="id"
      size="middle"
      dataSource={items}
      loading={loading}
      pagination={pagination ?? false}
      data-testid={testId}
      aria-label={caption}
      columns={[
        {
          title: t("monitoring.item.published"),
          key: "publishedAt",
          width: 130,
          render: (_, item) => <span className="hd-nowrap">{formatDateTime(item.publishedAt)}</span>,
        },
        {
          title: t("monitoring.item.title"),
          key: "title",
          render: (_, item) => (
            <div className="hd-mon-title-cell">
              <Link to={`/monitoring/items/${item.id}`} className="hd-mon-item-link" data-testid="item-link">
                {renderTitle ? renderTitle(item) : item.title}
              </Link>
              <div className="hd-muted">
                {item.source.name}
                {item.author && ` · ${item.author}`}
                {item.platform &&
                  ` · ${t(`monitoring.manual.platforms.${item.platform}`, { defaultValue: item.platform })}`}
              </div>
              {renderExtra?.(item)}
            </div>
          ),
        },
        {
          title: t("monitoring.item.language"),
          key: "language",
          width: 120,
          responsive: ["lg"],
          render: (_, item) => (
            <div>
              <div>{names.language(item.language)}</div>
              <div className="hd-muted">{names.country(item.country)}</div>
            </div>
          ),
        },
        {
          title: t("monitoring.item.labels"),
          key: "labels",
          width: 260,
          render: (_, item) => (
            <div className="hd-tag-wrap">
              <ToneTag tone={item.tone} />
              {item.mentionsCity && (
                <Tooltip title={t("monitoring.item.mentionsCity")}>
                  <Tag color="geekblue" icon={<EnvironmentOutlined aria-hidden />}>
                    {t("monitoring.item.cityShort")}
                  </Tag>
                </Tooltip>
              )}
              {item.flags.map((flag) => (
                <FlagTag key={flag} flag={flag} />
              ))}
              {item.topics.map((topic) => (
                <Tag key={topic}>{topics.name(topic)}</Tag>
              ))}
            </div>
          ),
        },
      ]}
    />
  );
}
