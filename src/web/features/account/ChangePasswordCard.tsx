import { Alert, App, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { applyFieldErrors } from "../../components/server-errors";
import { useAuth } from "../auth/auth-context";

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The password form in its card; `embedded` leaves out the card (a page that has its own). */
export function ChangePasswordCard({ embedded = false }: { embedded?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const { refresh } = useAuth();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: PasswordForm) => {
    setSaving(true);
    setError(null);
    try {
      await api.post<void>("/api/auth/password", {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      form.resetFields();
      message.success(t("account.passwordChanged"));
      await refresh().catch(() => undefined);
    } catch (err) {
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
      applyFieldErrors(form, err);
    } finally {
      setSaving(false);
    }
  };

  const content = (
    <>
      {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} className="hd-narrow-form">
        {/* Lets password managers tie the new password to the account. */}
        <input type="text" autoComplete="username" hidden readOnly />
        <Form.Item
          name="currentPassword"
          label={t("account.currentPassword")}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t("account.newPassword")}
          extra={t("account.passwordHint")}
          rules={[
            { required: true, message: t("validation.required") },
            { min: 10, message: t("validation.minLength", { min: 10 }) },
            ({ getFieldValue }) => ({
              validator(_, value: string | undefined) {
                return value && value === getFieldValue("currentPassword")
                  ? Promise.reject(new Error(t("account.sameAsCurrent")))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t("account.confirmPassword")}
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: t("validation.required") },
            ({ getFieldValue }) => ({
              validator(_, value: string | undefined) {
                return !value || value === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("account.passwordMismatch")));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t("account.changePassword")}
        </Button>
      </Form>
    </>
  );
  if (embedded) return content;
  return <Card title={<h2 className="hd-card-title">{t("account.changePassword")}</h2>}>{content}</Card>;
}
