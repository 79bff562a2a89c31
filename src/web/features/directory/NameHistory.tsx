import { HistoryOutlined } from "@ant-design/icons";
import { Empty, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { NameChange } from "../../api/types";
import { formatDateTime } from "../../components/format";

/** Earlier names of a unit or person, newest first (names change with every reorganisation). */
export function NameHistory({ history }: { history: NameChange[] }) {
  const { t } = useTranslation();
  const sorted = [...history].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  return (
    <section aria-labelledby="name-history-title" className="hd-name-history">
      <Typography.Title level={2} id="name-history-title" className="hd-section-title">
        <HistoryOutlined aria-hidden /> {t("directory.nameHistory")}
      </Typography.Title>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("directory.noNameHistory")} />
      ) : (
        <Timeline
          items={sorted.map((entry) => ({
            key: `${entry.changedAt}-${entry.name}`,
            content: (
              <div>
                <Typography.Text strong>{entry.name}</Typography.Text>
                {entry.shortName ? (
                  <Typography.Text type="secondary"> ({entry.shortName})</Typography.Text>
                ) : null}
                <div>
                  <Typography.Text type="secondary">
                    {t("directory.changedAtBy", {
                      at: formatDateTime(entry.changedAt),
                      by: entry.changedBy ?? t("common.system"),
                    })}
                  </Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
      )}
    </section>
  );
}
