import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter } from "react-router";
import { useReducedMotion } from "./components/use-reduced-motion";
import { AuthProvider } from "./features/auth/auth-context";
import { AppRoutes } from "./routes/AppRoutes";
import { theme } from "./theme";

export function App({ nonce }: { nonce: string | undefined }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? enUS : viVN;
  const reducedMotion = useReducedMotion();
  const appTheme = useMemo(
    () => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme),
    [reducedMotion],
  );
  return (
    <ConfigProvider csp={nonce ? { nonce } : undefined} locale={locale} theme={appTheme}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
