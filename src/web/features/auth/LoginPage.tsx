import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { Logo } from "../../components/Logo";
import { applyFieldErrors } from "../../components/server-errors";
import { usePageTitle } from "../../components/use-page-title";
import { PasskeySignInButton } from "../mfa/PasskeySignInButton";
import { SecondFactorStep } from "../mfa/SecondFactorStep";
import { SsoSignIn } from "../sso/SsoSignIn";
import { useAuth } from "./auth-context";

interface LoginForm {
  email: string;
  password: string;
}

function redirectTarget(state: unknown): string {
  if (state && typeof state === "object" && "from" in state && typeof state.from === "string") {
    return state.from.startsWith("/") && !state.from.startsWith("/login") ? state.from : "/";
  }
  return "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const { status, signIn, completeSignIn, probeError } = useAuth();
  const [challengeToken, setChallengeToken] = useState<string | null>(null);
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  usePageTitle(t("login.title"));

  if (status === "signed-in") return <Navigate to={redirectTarget(location.state)} replace />;

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const outcome = await signIn(values.email.trim(), values.password);
      if (outcome.kind === "second-factor") {
        setChallengeToken(outcome.challengeToken);
        return;
      }
      navigate(redirectTarget(location.state), { replace: true });
    } catch (err) {
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
      applyFieldErrors(form, err);
      form.setFieldValue("password", "");
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="hd-login">
      <header className="hd-login-top">
        <LanguageSwitch />
      </header>
      <main className="hd-login-main">
        <Card className="hd-login-card">
          <div className="hd-login-brand">
            <Logo size={56} />
            <Typography.Title level={1} className="hd-login-title">
              {t("app.name")}
            </Typography.Title>
            <Typography.Paragraph type="secondary" className="hd-login-sub">
              {t("app.committee")}
            </Typography.Paragraph>
          </div>
          {error && <Alert type="error" title={error} showIcon className="hd-mb" role="alert" />}
          {!error && probeError && (
            <Alert type="warning" title={probeError.message} showIcon className="hd-mb" />
          )}
          {challengeToken && (
            <SecondFactorStep
              challengeToken={challengeToken}
              onSignedIn={(state) => {
                completeSignIn(state);
                navigate(redirectTarget(location.state), { replace: true });
              }}
              onBack={() => {
                setChallengeToken(null);
                form.setFieldValue("password", "");
              }}
            />
          )}
          <Form<LoginForm>
            form={form}
            layout="vertical"
            onFinish={onFinish}
            requiredMark={false}
            hidden={challengeToken !== null}
          >
            <Form.Item
              name="email"
              label={t("login.email")}
              rules={[
                { required: true, message: t("validation.required") },
                { type: "email", message: t("validation.email") },
              ]}
            >
              <Input prefix={<MailOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("login.password")}
              rules={[{ required: true, message: t("validation.required") }]}
            >
              <Input.Password
                prefix={<LockOutlined aria-hidden />}
                autoComplete="current-password"
                size="large"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
              {t("login.submit")}
            </Button>
            <PasskeySignInButton
              onSignedIn={(state) => {
                completeSignIn(state);
                navigate(redirectTarget(location.state), { replace: true });
              }}
              onError={setError}
            />
          </Form>
          {challengeToken === null && (
            <SsoSignIn
              onSignedIn={(state) => {
                completeSignIn(state);
                navigate(redirectTarget(location.state), { replace: true });
              }}
              onSecondFactor={setChallengeToken}
              onError={setError}
            />
          )}
          <Typography.Paragraph type="secondary" className="hd-login-help">
            {t("login.help")}
          </Typography.Paragraph>
        </Card>
      </main>
    </div>
  );
}
