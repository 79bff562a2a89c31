import { FolderOpenOutlined } from "@ant-design/icons";
import { Alert, Breadcrumb, Button, Card, Descriptions, Skeleton } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { ItemsTable } from "./ItemsTable";
import { monitoringApi } from "./monitoring-api";
import { CASE_OPENERS } from "./monitoring-labels";
import { OpenCaseModal } from "./OpenCaseModal";
import "./monitoring.css";

/** A story: the near-duplicate group of items across sources, and a case opened on all of it. */
export default function StoryPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const load = useCallback((signal: AbortSignal) => monitoringApi.story(id, signal), [id]);
  const { data: story, error, loading } = useApiData(load);
  const [isOpening, setOpening] = useState(false);
  const items = useMemo(
    () => [...(story?.items ?? [])].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)),
    [story],
  );
  const outlets = new Set(items.map((i) => i.source.id)).size;

  if (error) return <Alert type="error" showIcon title={error} role="alert" />;
  if (loading && !story) return <Skeleton active />;
  if (!story) return null;

  return (
    <>
      <Breadcrumb
        className="hd-mb-s"
        items={[
          { title: <Link to="/monitoring/feed">{t("monitoring.feed.title")}</Link> },
          { title: t("monitoring.story.crumb") },
        ]}
      />
      <PageHeader
        title={story.title}
        description={t("monitoring.story.intro")}
        actions={
          hasRole(...CASE_OPENERS) && (
            <Button type="primary" icon={<FolderOpenOutlined />} onClick={() => setOpening(true)}>
              {t("monitoring.cases.openForStory")}
            </Button>
          )
        }
      />
      <Card className="hd-mb">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: "items", label: t("monitoring.story.items"), children: story.itemCount },
            { key: "outlets", label: t("monitoring.story.outlets"), children: outlets },
            {
              key: "first",
              label: t("monitoring.story.firstSeen"),
              children: formatDateTime(story.firstSeenAt),
            },
            {
              key: "last",
              label: t("monitoring.story.lastSeen"),
              children: formatDateTime(story.lastSeenAt),
            },
          ]}
        />
      </Card>
      <Card title={<h2 className="hd-card-title">{t("monitoring.story.itemsTitle")}</h2>}>
        <ItemsTable caption={t("monitoring.story.itemsTitle")} items={items} testId="story-items" />
      </Card>
      {isOpening && (
        <OpenCaseModal
          subject={{ storyId: story.id, title: story.title }}
          open
          onClose={() => setOpening(false)}
        />
      )}
    </>
  );
}
