import { EditOutlined, KeyOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Input,
  Popconfirm,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import type { Role, TemporaryPassword, User } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { useServerTable } from "../../components/use-server-table";
import { useAuth } from "../auth/auth-context";
import { ResetSecondFactorButton } from "../mfa/ResetSecondFactorButton";
import { PendingAccountsCard } from "../sso/PendingAccountsCard";
import { TemporaryPasswordModal } from "./TemporaryPasswordModal";
import { UserFormModal } from "./UserFormModal";

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user: me } = useAuth();
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  const [temporary, setTemporary] = useState<{ email: string; password: string } | null>(null);
  const table = useServerTable<User, { q: string }>("/api/users", { filters: { q: "" } });

  const fail = (err: unknown) => message.error(isApiError(err) ? err.message : t("errors.unexpected"));

  const setActive = async (user: User, isActive: boolean) => {
    try {
      await api.patch<User>(`/api/users/${user.id}`, { isActive });
      message.success(isActive ? t("users.enabled") : t("users.disabled"));
      table.reload();
    } catch (err) {
      fail(err);
    }
  };

  const resetPassword = async (user: User) => {
    try {
      const { temporaryPassword } = await api.post<TemporaryPassword>(`/api/users/${user.id}/reset-password`);
      setTemporary({ email: user.email, password: temporaryPassword });
    } catch (err) {
      fail(err);
    }
  };

  const columns: TableColumnsType<User> = [
    {
      title: t("users.displayName"),
      dataIndex: "displayName",
      key: "displayName",
      render: (name: string) => <span className="hd-strong">{name}</span>,
    },
    {
      title: t("users.email"),
      dataIndex: "email",
      key: "email",
    },
    {
      title: t("users.roles"),
      dataIndex: "roles",
      key: "roles",
      render: (roles: Role[]) =>
        roles.map((role) => (
          <Tag key={role} color={role === "admin" ? "red" : "blue"}>
            {t(`roles.${role}`)}
          </Tag>
        )),
    },
    {
      title: t("directory.status"),
      dataIndex: "isActive",
      key: "isActive",
      render: (isActive: boolean, user) => (
        <Space>
          <Switch
            size="small"
            checked={isActive}
            disabled={user.id === me?.id}
            onChange={(checked) => void setActive(user, checked)}
            aria-label={`${t("users.enabledLabel")}: ${user.displayName}`}
          />
          <Badge
            status={isActive ? "success" : "default"}
            text={isActive ? t("users.active") : t("users.inactive")}
          />
        </Space>
      ),
    },
    {
      title: <span className="hd-sr-only">{t("common.actions")}</span>,
      key: "actions",
      width: 140,
      render: (_, user) => (
        <Space size={0}>
          <Tooltip title={t("common.edit")}>
            <Button
              type="text"
              icon={<EditOutlined />}
              aria-label={`${t("common.edit")}: ${user.displayName}`}
              onClick={() => setEditing({ user })}
            />
          </Tooltip>
          <Popconfirm
            title={t("users.resetConfirm", { name: user.displayName })}
            okText={t("users.resetPassword")}
            cancelText={t("common.cancel")}
            onConfirm={() => resetPassword(user)}
          >
            <Tooltip title={t("users.resetPassword")}>
              <Button
                type="text"
                icon={<KeyOutlined />}
                aria-label={`${t("users.resetPassword")}: ${user.displayName}`}
              />
            </Tooltip>
          </Popconfirm>
          <ResetSecondFactorButton userId={user.id} displayName={user.displayName} />
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })}>
            {t("users.create")}
          </Button>
        }
      />
      <PendingAccountsCard onChanged={() => table.reload()} />
      <Card>
        <search className="hd-filters" aria-label={t("common.filters")}>
          <Input.Search
            allowClear
            placeholder={t("users.searchPlaceholder")}
            aria-label={t("common.search")}
            onSearch={(value) => table.setFilter("q", value.trim())}
            className="hd-filter-search"
          />
        </search>
        {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
        <Table<User> {...table.tableProps} columns={columns} size="middle" />
      </Card>
      <UserFormModal
        open={editing !== null}
        user={editing?.user ?? null}
        onClose={() => setEditing(null)}
        onSaved={(result) => {
          message.success(editing?.user ? t("users.updated") : t("users.created"));
          setEditing(null);
          table.reload();
          if (result.temporaryPassword)
            setTemporary({ email: result.user.email, password: result.temporaryPassword });
        }}
      />
      <TemporaryPasswordModal value={temporary} onClose={() => setTemporary(null)} />
    </>
  );
}
