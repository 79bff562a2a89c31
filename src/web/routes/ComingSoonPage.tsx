import { ClockCircleOutlined } from "@ant-design/icons";
import { Result } from "antd";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../components/use-page-title";

/** Placeholder for modules on the roadmap (programmes, follow-up, reports, monitoring). */
export function ComingSoonPage({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  const title = t(titleKey);
  usePageTitle(title);
  return (
    <Result
      icon={<ClockCircleOutlined />}
      title={<h1 className="hd-result-title">{title}</h1>}
      subTitle={t("comingSoon.description")}
    />
  );
}
