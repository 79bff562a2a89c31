import { DesktopOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Popconfirm, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api, isApiError } from "../../api/client";
import type { Session } from "../../api/types";
import { formatDateTime } from "../../components/format";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";

/** "Chrome 131 · Windows" out of a user-agent string, good enough to recognise one's own devices. */
function describeAgent(userAgent: string | null): string {
  if (!userAgent) return "—";
  const browser =
    /(Edg|OPR|Firefox|Chrome|Chromium|Safari)\/(\d+)/.exec(userAgent.replace("Version/", "Safari/")) ?? null;
  const os = /Windows|Android|iPhone|iPad|Mac OS X|Linux/.exec(userAgent)?.[0]?.replace("Mac OS X", "macOS");
  const name = browser
    ? `${browser[1] === "Edg" ? "Edge" : browser[1]} ${browser[2]}`
    : userAgent.slice(0, 40);
  return os ? `${name} · ${os}` : name;
}

export function SessionsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { forget } = useAuth();
  const navigate = useNavigate();
  const sessions = useApiData(
    useCallback(
      (signal: AbortSignal) => api.get<{ items: Session[] }>("/api/auth/sessions", undefined, signal),
      [],
    ),
  );

  const revoke = async (session: Session) => {
    try {
      await api.delete(`/api/auth/sessions/${session.id}`);
      if (session.isCurrent) {
        forget();
        navigate("/login", { replace: true });
        return;
      }
      message.success(t("account.sessionRevoked"));
      sessions.reload();
    } catch (err) {
      message.error(isApiError(err) ? err.message : t("errors.unexpected"));
    }
  };

  const columns: TableColumnsType<Session> = [
    {
      title: t("account.device"),
      dataIndex: "userAgent",
      key: "device",
      render: (agent: string | null, session) => (
        <span>
          <DesktopOutlined aria-hidden /> <span title={agent ?? ""}>{describeAgent(agent)}</span>
          {session.isCurrent && (
            <Tag color="green" className="hd-ml">
              {t("account.thisDevice")}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t("account.ip"), dataIndex: "ip", key: "ip", render: (ip: string | null) => ip ?? "—" },
    {
      title: t("account.signedInAt"),
      dataIndex: "createdAt",
      key: "createdAt",
      render: formatDateTime,
      responsive: ["xxl"],
    },
    { title: t("account.lastSeenAt"), dataIndex: "lastSeenAt", key: "lastSeenAt", render: formatDateTime },
    {
      title: <span className="hd-sr-only">{t("common.actions")}</span>,
      key: "actions",
      render: (_, session) => (
        <Popconfirm
          title={session.isCurrent ? t("account.revokeCurrentConfirm") : t("account.revokeConfirm")}
          okText={t("account.revoke")}
          cancelText={t("common.cancel")}
          onConfirm={() => revoke(session)}
        >
          <Button
            danger
            size="small"
            aria-label={`${t("account.revoke")}: ${describeAgent(session.userAgent)}`}
          >
            {session.isCurrent ? t("shell.signOut") : t("account.revoke")}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title={<h2 className="hd-card-title">{t("account.sessions")}</h2>}>
      <Typography.Paragraph type="secondary">{t("account.sessionsHelp")}</Typography.Paragraph>
      {sessions.error && <Alert type="error" showIcon title={sessions.error} className="hd-mb" />}
      <Table<Session>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={sessions.data?.items ?? []}
        loading={sessions.loading}
        pagination={false}
        scroll={{ x: true }}
      />
    </Card>
  );
}
