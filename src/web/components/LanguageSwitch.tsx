import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { currentLanguage, type Language } from "../i18n";

/** VI / EN switch; the choice is remembered (see i18n/index.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      aria-label={t("shell.language")}
      size="middle"
      value={currentLanguage()}
      onChange={(lang) => void i18n.changeLanguage(lang)}
      options={[
        {
          value: "vi",
          label: (
            <span lang="vi" title="Tiếng Việt">
              VI
            </span>
          ),
        },
        {
          value: "en",
          label: (
            <span lang="en" title="English">
              EN
            </span>
          ),
        },
      ]}
      data-testid="language-switch"
    />
  );
}
