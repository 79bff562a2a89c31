import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { mfaApi, type SignedIn } from "./mfa-api";

/** The sign-in's second step: an authenticator code or a recovery code for the pending challenge. */
export function SecondFactorStep(props: {
  challengeToken: string;
  onSignedIn: (state: SignedIn) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const verify = async ({ code }: { code: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      props.onSignedIn(await mfaApi.verifySignIn(props.challengeToken, code.trim()));
    } catch (err) {
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
      form.setFieldValue("code", "");
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section aria-labelledby="hd-second-step-title">
      <Typography.Title level={2} id="hd-second-step-title" className="hd-card-title">
        <SafetyCertificateOutlined aria-hidden /> {t("mfa.stepTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("mfa.stepIntro")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
      <Form form={form} layout="vertical" onFinish={verify} requiredMark={false}>
        <Form.Item
          name="code"
          label={t("mfa.stepCode")}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <Input autoComplete="one-time-code" autoFocus size="large" maxLength={40} />
        </Form.Item>
        <Space direction="vertical" style={{ width: "100%" }}>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t("mfa.verify")}
          </Button>
          <Button type="link" block onClick={props.onBack}>
            {t("mfa.back")}
          </Button>
        </Space>
      </Form>
    </section>
  );
}
