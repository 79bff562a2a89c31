import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { usePageTitle } from "../components/use-page-title";

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t("status.notFoundTitle"));
  return (
    <Result
      status="404"
      title={<h1 className="hd-result-title">{t("status.notFoundTitle")}</h1>}
      subTitle={t("status.notFound")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("status.backHome")}
        </Button>
      }
    />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  usePageTitle(t("status.forbiddenTitle"));
  return (
    <Result
      status="403"
      title={<h1 className="hd-result-title">{t("status.forbiddenTitle")}</h1>}
      subTitle={t("status.forbidden")}
    />
  );
}
