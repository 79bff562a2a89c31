import { LogoutOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { Logo } from "../../components/Logo";
import { usePageTitle } from "../../components/use-page-title";
import { useAuth } from "../auth/auth-context";
import { TotpEnrolment } from "./TotpEnrolment";

/**
 * What an account whose role needs a second factor sees until it has one: the server refuses
 * everything else (`second_factor_enrolment_required`), so enrolment comes first. Once confirmed,
 * `refresh()` clears the flag and the page the user asked for opens.
 */
export function SecondFactorGate() {
  const { t } = useTranslation();
  const { user, signOut, refresh } = useAuth();
  usePageTitle(t("mfa.gateTitle"));
  return (
    <div className="hd-login">
      <header className="hd-login-top">
        <LanguageSwitch />
        <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
          {t("shell.signOut")}
        </Button>
      </header>
      <main className="hd-login-main">
        <Card className="hd-login-card">
          <div className="hd-login-brand">
            <Logo size={56} />
            <Typography.Title level={1} className="hd-login-title">
              {t("mfa.gateTitle")}
            </Typography.Title>
            <Typography.Paragraph type="secondary" className="hd-login-sub">
              {user?.displayName} · {user?.email}
            </Typography.Paragraph>
          </div>
          <Alert type="warning" showIcon className="hd-mb" title={t("mfa.gateIntro")} />
          <TotpEnrolment onDone={() => void refresh()} />
        </Card>
      </main>
    </div>
  );
}
