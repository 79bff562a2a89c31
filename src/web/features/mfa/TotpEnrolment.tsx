import { Alert, Button, Form, Image, Input, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { type TotpEnrolment as Enrolment, mfaApi } from "./mfa-api";
import { RecoveryCodesView } from "./RecoveryCodesView";

/**
 * Enrolment of an authenticator app: the QR code (and the secret for typing by hand), a confirming
 * code, then the recovery codes shown once. `onDone` runs after the user has seen the codes.
 */
export function TotpEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    mfaApi
      .startEnrolment()
      .then((e) => isCurrent && setEnrolment(e))
      .catch((err: unknown) => isCurrent && setError(isApiError(err) ? err.message : t("errors.unexpected")));
    return () => {
      isCurrent = false;
    };
  }, [t]);

  if (codes) return <RecoveryCodesView codes={codes} onDone={onDone} />;

  const confirm = async ({ code }: { code: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      setCodes((await mfaApi.confirm(code.trim())).codes);
    } catch (err) {
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {enrolment && (
        <>
          <Typography.Paragraph>{t("mfa.scan")}</Typography.Paragraph>
          <Image src={enrolment.qrCodeDataUrl} alt={t("mfa.qrAlt")} width={200} preview={false} />
          <Typography.Paragraph>
            {t("mfa.secret")}:{" "}
            <Typography.Text code copyable data-testid="totp-secret">
              {enrolment.secret}
            </Typography.Text>
          </Typography.Paragraph>
          <Form<{ code: string }> layout="vertical" onFinish={confirm} requiredMark={false}>
            <Form.Item
              name="code"
              label={t("mfa.code")}
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t("mfa.codePlaceholder") }]}
            >
              <Input
                inputMode="numeric"
                autoComplete="one-time-code"
                placeholder={t("mfa.codePlaceholder")}
                maxLength={6}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {t("mfa.confirm")}
            </Button>
          </Form>
        </>
      )}
    </Space>
  );
}
