import { KeyOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { formatDateTime } from "../../components/format";
import { useApiData } from "../../components/use-api-data";
import { mfaApi, type PasskeyDto } from "./mfa-api";

/** The browser's own refusal (the user closed the prompt) reads as a cancellation, not a failure. */
function passkeyErrorMessage(err: unknown, t: (key: string) => string): string {
  if (isApiError(err)) return err.message;
  if (err instanceof Error && err.name === "NotAllowedError") return t("mfa.passkeys.cancelled");
  return err instanceof Error ? err.message : t("errors.unexpected");
}

/** "Khóa truy cập (passkey)" on the account page: add (named), rename, remove. */
export function PasskeysCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const passkeys = useApiData(
    useCallback((signal: AbortSignal) => mfaApi.status(signal).then((s) => s.passkeys), []),
  );
  const [naming, setNaming] = useState<{ mode: "add" } | { mode: "rename"; passkey: PasskeyDto } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const save = async ({ name }: { name: string }) => {
    setBusy(true);
    setError(null);
    try {
      if (naming?.mode === "rename") {
        await mfaApi.renamePasskey(naming.passkey.id, name.trim());
        message.success(t("mfa.passkeys.renamed"));
      } else {
        await mfaApi.addPasskey(name.trim());
        message.success(t("mfa.passkeys.added"));
      }
      setNaming(null);
      passkeys.reload();
    } catch (err) {
      setError(passkeyErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (passkey: PasskeyDto) => {
    try {
      await mfaApi.deletePasskey(passkey.id);
      message.success(t("mfa.passkeys.removed"));
      passkeys.reload();
    } catch (err) {
      message.error(passkeyErrorMessage(err, t));
    }
  };

  const columns: TableColumnsType<PasskeyDto> = [
    {
      title: t("mfa.passkeys.name"),
      dataIndex: "name",
      key: "name",
      render: (name: string, p) => (
        <span>
          <KeyOutlined aria-hidden /> {name}
          {p.isBackedUp && (
            <Tag className="hd-ml" color="blue">
              {t("mfa.passkeys.synced")}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t("mfa.passkeys.createdAt"), dataIndex: "createdAt", key: "createdAt", render: formatDateTime },
    {
      title: t("mfa.passkeys.lastUsedAt"),
      dataIndex: "lastUsedAt",
      key: "lastUsedAt",
      render: (v: string | null) => (v ? formatDateTime(v) : t("mfa.passkeys.never")),
    },
    {
      title: <span className="hd-sr-only">{t("common.actions")}</span>,
      key: "actions",
      render: (_, p) => (
        <Space>
          <Button
            size="small"
            onClick={() => {
              setError(null);
              setNaming({ mode: "rename", passkey: p });
            }}
          >
            {t("mfa.passkeys.rename")}
          </Button>
          <Popconfirm title={t("mfa.passkeys.removeConfirm")} onConfirm={() => void remove(p)}>
            <Button size="small" danger>
              {t("mfa.passkeys.remove")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={
        <h2 className="hd-card-title">
          <KeyOutlined aria-hidden /> {t("mfa.passkeys.title")}
        </h2>
      }
      extra={
        <Button
          type="primary"
          onClick={() => {
            setError(null);
            setNaming({ mode: "add" });
          }}
        >
          {t("mfa.passkeys.add")}
        </Button>
      }
      className="hd-mb"
    >
      <Alert type="info" showIcon title={t("mfa.passkeys.intro")} className="hd-mb" />
      {passkeys.error && <Alert type="error" showIcon title={passkeys.error} />}
      <Table<PasskeyDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={passkeys.data ?? []}
        loading={passkeys.loading}
        pagination={false}
        locale={{ emptyText: t("mfa.passkeys.empty") }}
      />
      <Modal
        open={naming !== null}
        title={naming?.mode === "rename" ? t("mfa.passkeys.rename") : t("mfa.passkeys.add")}
        onCancel={() => setNaming(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          requiredMark={false}
          initialValues={{ name: naming?.mode === "rename" ? naming.passkey.name : "" }}
        >
          <Form.Item
            name="name"
            label={t("mfa.passkeys.name")}
            rules={[{ required: true, whitespace: true, max: 100, message: t("validation.required") }]}
          >
            <Input placeholder={t("mfa.passkeys.namePlaceholder")} maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
