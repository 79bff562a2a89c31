/**
 * On the users page: people who signed in through SSO or LDAP and matched no account by a verified
 * e-mail, waiting for an administrator to approve (the account is created) or reject them.
 */
import { Alert, App, Button, Card, Space, Table, Tag } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { type ExternalIdentityDto, ssoApi } from "./sso-api";

export function PendingAccountsCard(props: { onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<ExternalIdentityDto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const load = useCallback(() => {
    ssoApi.pending().then(
      (page) => {
        setItems(page.items);
        setError(null);
      },
      (err: unknown) => setError(isApiError(err) ? err.message : t("errors.unexpected")),
    );
  }, [t]);
  useEffect(load, [load]);

  const decide = async (item: ExternalIdentityDto, isApproved: boolean) => {
    setBusyId(item.id);
    try {
      await (isApproved ? ssoApi.approve(item.id) : ssoApi.reject(item.id));
      message.success(isApproved ? t("sso.pending.approved") : t("sso.pending.rejected"));
      load();
      props.onChanged();
    } catch (err) {
      message.error(isApiError(err) ? err.message : t("errors.unexpected"));
    } finally {
      setBusyId(null);
    }
  };

  if (items.length === 0 && !error) return null;
  return (
    <Card title={t("sso.pending.title")} className="hd-mb">
      {error && <Alert type="error" showIcon title={error} className="hd-mb" />}
      <Table<ExternalIdentityDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          { title: t("users.displayName"), dataIndex: "displayName" },
          { title: t("users.email"), dataIndex: "email" },
          {
            title: t("sso.pending.provider"),
            dataIndex: "provider",
            render: (p: string) => <Tag>{p === "ldap" ? "LDAP" : "SSO"}</Tag>,
          },
          {
            title: t("sso.pending.requestedAt"),
            dataIndex: "createdAt",
            render: (at: string) => new Date(at).toLocaleString(),
          },
          {
            key: "actions",
            title: "",
            render: (_: unknown, item) => (
              <Space>
                <Button
                  type="primary"
                  size="small"
                  loading={busyId === item.id}
                  onClick={() => decide(item, true)}
                >
                  {t("sso.pending.approve")}
                </Button>
                <Button danger size="small" disabled={busyId === item.id} onClick={() => decide(item, false)}>
                  {t("sso.pending.reject")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
