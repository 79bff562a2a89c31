/**
 * The sign-in page's other ways in: "Đăng nhập bằng tài khoản của thành phố (SSO)" and the city
 * directory (LDAP) form, each shown when configured, with a notice when its provider is down. Also
 * reads what the provider's round trip left in the address: `?sso_error=<code>` (shown as a message)
 * and `#second-factor=<token>` (handed to the second step).
 */
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Divider, Form, Input } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SignedIn } from "../../../shared/api/mfa";
import { isApiError } from "../../api/client";
import { OIDC_START_URL, type SignInMethods, ssoApi } from "./sso-api";

interface LdapForm {
  username: string;
  password: string;
}

export function SsoSignIn(props: {
  onSignedIn(state: SignedIn): void;
  onSecondFactor(challengeToken: string): void;
  onError(message: string | null): void;
}) {
  const { t } = useTranslation();
  const [methods, setMethods] = useState<SignInMethods | null>(null);
  const [isLdapOpen, setLdapOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<LdapForm>();
  const { onError, onSecondFactor } = props;

  useEffect(() => {
    ssoApi.methods().then(setMethods, () => setMethods(null));
    const params = new URLSearchParams(window.location.search);
    const code = params.get("sso_error");
    if (code) onError(t(`sso.errors.${code}`, { defaultValue: t("sso.errors.generic") }));
    const hash = /^#second-factor=([\w-]+)$/.exec(window.location.hash);
    if (hash?.[1]) onSecondFactor(hash[1]);
    if (code || hash) window.history.replaceState(null, "", window.location.pathname);
  }, [onError, onSecondFactor, t]);

  if (!methods || (!methods.oidc.isConfigured && !methods.ldap.isConfigured)) return null;

  const onLdap = async (values: LdapForm) => {
    setSubmitting(true);
    onError(null);
    try {
      const result = await ssoApi.ldapSignIn(values.username.trim(), values.password);
      if ("secondFactorRequired" in result) props.onSecondFactor(result.challengeToken);
      else props.onSignedIn(result);
    } catch (err) {
      onError(isApiError(err) ? err.message : t("errors.unexpected"));
      form.setFieldValue("password", "");
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="hd-sso">
      <Divider plain>{t("sso.or")}</Divider>
      {methods.oidc.isConfigured &&
        (methods.oidc.isAvailable ? (
          <Button block size="large" href={OIDC_START_URL} className="hd-mb">
            {t("sso.oidcButton")}
          </Button>
        ) : (
          <Alert type="warning" showIcon className="hd-mb" title={t("sso.oidcUnavailable")} />
        ))}
      {methods.ldap.isConfigured &&
        (!methods.ldap.isAvailable ? (
          <Alert type="warning" showIcon className="hd-mb" title={t("sso.ldapUnavailable")} />
        ) : !isLdapOpen ? (
          <Button block size="large" onClick={() => setLdapOpen(true)}>
            {t("sso.ldapButton")}
          </Button>
        ) : (
          <Form<LdapForm>
            form={form}
            layout="vertical"
            onFinish={onLdap}
            requiredMark={false}
            aria-label={t("sso.ldapButton")}
          >
            <Form.Item
              name="username"
              label={t("sso.ldapUsername")}
              rules={[{ required: true, message: t("validation.required") }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" size="large" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("sso.ldapPassword")}
              rules={[{ required: true, message: t("validation.required") }]}
            >
              <Input.Password
                prefix={<LockOutlined aria-hidden />}
                autoComplete="current-password"
                size="large"
              />
            </Form.Item>
            <Button htmlType="submit" block size="large" loading={submitting}>
              {t("sso.ldapSubmit")}
            </Button>
          </Form>
        ))}
    </div>
  );
}
