import { LogoutOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { Logo } from "../../components/Logo";
import { usePageTitle } from "../../components/use-page-title";
import { useAuth } from "../auth/auth-context";
import { ChangePasswordCard } from "./ChangePasswordCard";

/**
 * What an account on a one-time password sees instead of the app: the server refuses everything
 * else (`password_change_required`) until the password is changed, so the form comes first. Once
 * changed, `refresh()` clears the flag and the page the user asked for opens.
 */
export function PasswordChangeGate() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  usePageTitle(t("account.changePassword"));
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
              {t("account.firstPasswordTitle")}
            </Typography.Title>
            <Typography.Paragraph type="secondary" className="hd-login-sub">
              {user?.displayName} · {user?.email}
            </Typography.Paragraph>
          </div>
          <Alert type="warning" showIcon className="hd-mb" title={t("shell.mustChangePassword")} />
          <ChangePasswordCard embedded />
        </Card>
      </main>
    </div>
  );
}
