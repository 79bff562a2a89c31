import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import { useTranslation } from "react-i18next";
import { BrowserRouter } from "react-router";
import { AuthProvider } from "./features/auth/auth-context";
import { AppRoutes } from "./routes/AppRoutes";
import { theme } from "./theme";

export function App({ nonce }: { nonce: string | undefined }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? enUS : viVN;
  return (
    <ConfigProvider csp={nonce ? { nonce } : undefined} locale={locale} theme={theme}>
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
