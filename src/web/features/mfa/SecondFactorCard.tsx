import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag, Typography } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { formatDateTime } from "../../components/format";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { mfaApi } from "./mfa-api";
import { RecoveryCodesView } from "./RecoveryCodesView";
import { TotpEnrolment } from "./TotpEnrolment";

type CodeAction = "regenerate" | "disable";

/** "Xác thực hai lớp" on the account page: turn the authenticator on, regenerate codes, turn it off. */
export function SecondFactorCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useAuth();
  const status = useApiData(useCallback((signal: AbortSignal) => mfaApi.status(signal), []));
  const [isEnrolling, setIsEnrolling] = useState(false);
  const [action, setAction] = useState<CodeAction | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ code: string }>();

  const s = status.data;
  const runAction = async ({ code }: { code: string }) => {
    setError(null);
    try {
      if (action === "regenerate") setCodes((await mfaApi.regenerate(code.trim())).codes);
      else {
        await mfaApi.disable(code.trim());
        message.success(t("mfa.disabled"));
      }
      setAction(null);
      status.reload();
    } catch (err) {
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
    }
  };

  return (
    <Card
      title={
        <h2 className="hd-card-title">
          <SafetyCertificateOutlined aria-hidden /> {t("mfa.title")}
        </h2>
      }
      className="hd-mb"
    >
      <Typography.Paragraph type="secondary">{t("mfa.intro")}</Typography.Paragraph>
      {status.error && <Alert type="error" showIcon title={status.error} />}
      {s && !isEnrolling && !codes && (
        <>
          <Descriptions column={1} size="small" className="hd-mb">
            <Descriptions.Item label={t("mfa.title")}>
              {s.isTotpEnrolled ? <Tag color="green">{t("mfa.on")}</Tag> : <Tag>{t("mfa.off")}</Tag>}
              {s.isRequired && <Tag color="orange">{t("mfa.required")}</Tag>}
            </Descriptions.Item>
            {s.totpConfirmedAt && (
              <Descriptions.Item label={t("mfa.confirmedAt")}>
                {formatDateTime(s.totpConfirmedAt)}
              </Descriptions.Item>
            )}
            {s.isTotpEnrolled && (
              <Descriptions.Item label={t("mfa.recoveryLeft")}>{s.recoveryCodesLeft}</Descriptions.Item>
            )}
          </Descriptions>
          {s.isTotpEnrolled ? (
            <Space wrap>
              <Button onClick={() => setAction("regenerate")}>{t("mfa.regenerate")}</Button>
              {!s.isRequired && (
                <Button danger onClick={() => setAction("disable")}>
                  {t("mfa.disable")}
                </Button>
              )}
            </Space>
          ) : (
            <Button type="primary" onClick={() => setIsEnrolling(true)}>
              {t("mfa.enable")}
            </Button>
          )}
        </>
      )}
      {isEnrolling && (
        <TotpEnrolment
          onDone={() => {
            setIsEnrolling(false);
            message.success(t("mfa.confirmed"));
            status.reload();
            void refresh();
          }}
        />
      )}
      {codes && <RecoveryCodesView codes={codes} onDone={() => setCodes(null)} />}
      <Modal
        open={action !== null}
        title={action === "regenerate" ? t("mfa.regenerate") : t("mfa.disable")}
        onCancel={() => {
          setAction(null);
          setError(null);
        }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph>{t("mfa.regenerateHint")}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
        <Form form={form} layout="vertical" onFinish={runAction} requiredMark={false}>
          <Form.Item
            name="code"
            label={t("mfa.stepCode")}
            rules={[{ required: true, message: t("validation.required") }]}
          >
            <Input autoComplete="one-time-code" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
