import { EditOutlined, ExportOutlined, FolderOpenOutlined, LinkOutlined } from "@ant-design/icons";
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Skeleton, Space, Typography } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { CorrectLabelsModal } from "./CorrectLabelsModal";
import { ItemLabels } from "./ItemLabels";
import { monitoringApi } from "./monitoring-api";
import { CASE_OPENERS, MONITORING_MANAGERS, useDisplayNames } from "./monitoring-labels";
import { OpenCaseModal } from "./OpenCaseModal";
import "./monitoring.css";

/** One item: where it came from, its extracted text (as plain text), its labels and why, and what to do about it. */
export default function ItemPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const names = useDisplayNames();
  const load = useCallback((signal: AbortSignal) => monitoringApi.item(id, signal), [id]);
  const { data: item, error, loading, setData } = useApiData(load);
  const [dialog, setDialog] = useState<"correct" | "case" | null>(null);

  if (error) return <Alert type="error" showIcon title={error} role="alert" />;
  if (loading && !item) return <Skeleton active />;
  if (!item) return null;
  const original = item.canonicalUrl ?? item.url;

  return (
    <>
      <Breadcrumb
        className="hd-mb-s"
        items={[
          { title: <Link to="/monitoring/feed">{t("monitoring.feed.title")}</Link> },
          { title: item.title },
        ]}
      />
      <PageHeader
        title={item.title}
        actions={
          <Space wrap>
            {hasRole(...CASE_OPENERS) && (
              <Button type="primary" icon={<FolderOpenOutlined />} onClick={() => setDialog("case")}>
                {t("monitoring.cases.open")}
              </Button>
            )}
            {hasRole(...MONITORING_MANAGERS) && (
              <Button icon={<EditOutlined />} onClick={() => setDialog("correct")}>
                {t("monitoring.correct.button")}
              </Button>
            )}
          </Space>
        }
      />
      <div className="hd-mon-item-grid">
        <div>
          <Card className="hd-mb">
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 2 }}
              items={[
                { key: "source", label: t("monitoring.item.source"), children: item.source.name },
                {
                  key: "outlet",
                  label: t("monitoring.item.outletType"),
                  children: `${t(`monitoring.outletTypes.${item.outletType}`)} · ${names.country(item.country)}`,
                },
                {
                  key: "published",
                  label: t("monitoring.item.published"),
                  children: formatDateTime(item.publishedAt),
                },
                {
                  key: "fetched",
                  label: t("monitoring.item.fetched"),
                  children: formatDateTime(item.fetchedAt),
                },
                ...(item.author
                  ? [{ key: "author", label: t("monitoring.item.author"), children: item.author }]
                  : []),
                ...(item.platform
                  ? [
                      {
                        key: "platform",
                        label: t("monitoring.item.platform"),
                        children: t(`monitoring.manual.platforms.${item.platform}`, {
                          defaultValue: item.platform,
                        }),
                      },
                    ]
                  : []),
                {
                  key: "links",
                  label: t("monitoring.item.links"),
                  span: 2,
                  children: (
                    <Space wrap>
                      {original && (
                        <a
                          href={original}
                          target="_blank"
                          rel="noopener noreferrer"
                          data-testid="original-link"
                        >
                          <ExportOutlined aria-hidden /> {t("monitoring.item.original")}
                          <span className="hd-sr-only"> ({t("monitoring.item.newTab")})</span>
                        </a>
                      )}
                      {item.storyId && (
                        <Link to={`/monitoring/stories/${item.storyId}`} data-testid="story-link">
                          <LinkOutlined aria-hidden /> {t("monitoring.item.story")}
                        </Link>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card title={<h2 className="hd-card-title">{t("monitoring.item.text")}</h2>}>
            {item.labels.textOrigin && (
              <Typography.Paragraph type="secondary">
                {t("monitoring.item.textOrigin", { origin: item.labels.textOrigin })}
              </Typography.Paragraph>
            )}
            {/* Plain text only: the stored HTML came from the web and is never injected into the page. */}
            <div className="hd-mon-text" data-testid="item-text" lang={item.language}>
              {item.text || t("monitoring.item.noText")}
            </div>
          </Card>
        </div>
        <Card title={<h2 className="hd-card-title">{t("monitoring.labels.title")}</h2>}>
          <ItemLabels item={item} />
        </Card>
      </div>
      {dialog === "correct" && (
        <CorrectLabelsModal
          item={item}
          open
          onClose={() => setDialog(null)}
          onSaved={(next) => {
            setData(next);
            setDialog(null);
            message.success(t("monitoring.correct.saved"));
          }}
        />
      )}
      {dialog === "case" && (
        <OpenCaseModal
          subject={{ itemId: item.id, title: item.title }}
          open
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
