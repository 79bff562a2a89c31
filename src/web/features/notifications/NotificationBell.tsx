import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Empty, List, Popover, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Notification } from "../../../shared/api/notifications";
import { api } from "../../api/client";
import { formatDateTime } from "../../components/format";
import "../follow-up/follow-up.css";

/** How often the bell asks for new reminders while the page is open. */
const POLL_MS = 60_000;

/** The header's bell: in-app reminders of the signed-in user; opening one marks it read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<Notification[]>([]);
  const [open, setOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: Notification[] }>("/api/notifications", { limit: 30 })).items);
    } catch {
      // The bell stays quiet when the server is unreachable; the pages report errors.
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(load, POLL_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const unread = items.filter((n) => !n.readAt).length;

  const markRead = async (n: Notification) => {
    if (!n.readAt) {
      setItems((list) => list.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)));
      await api.post(`/api/notifications/${n.id}/read`).catch(() => load());
    }
  };

  const openItem = async (n: Notification) => {
    await markRead(n);
    setOpen(false);
    if (n.taskId) navigate(`/tasks/${n.taskId}?tab=follow-up`);
  };

  const markAll = async () => {
    await Promise.all(items.filter((n) => !n.readAt).map(markRead));
  };

  const content = (
    <div className="hd-notifications" data-testid="notifications">
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item key={n.id} className={n.readAt ? undefined : "hd-unread"}>
              <button type="button" className="hd-link-button hd-notification" onClick={() => openItem(n)}>
                <span className="hd-strong">{n.title}</span>
                {n.body && (
                  <Typography.Paragraph ellipsis={{ rows: 2 }} className="hd-notification-body">
                    {n.body}
                  </Typography.Paragraph>
                )}
                <span className="hd-muted">{formatDateTime(n.createdAt)}</span>
              </button>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("notifications.none")} />
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void load();
      }}
      trigger="click"
      placement="bottomRight"
      title={
        <div className="hd-row-between">
          <span>{t("notifications.title")}</span>
          {unread > 0 && (
            <Button type="link" size="small" onClick={markAll}>
              {t("notifications.markAll")}
            </Button>
          )}
        </div>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t("notifications.bell", { count: unread })}
          aria-haspopup="dialog"
          aria-expanded={open}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
