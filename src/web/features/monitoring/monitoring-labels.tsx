/** How monitoring labels look: who may do what, tone/flag/state tags, language, country and topic names. */
import { Tag } from "antd";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useApiData } from "../../components/use-api-data";
import { type Assessment, type CaseState, type Flag, monitoringApi, type Tone } from "./monitoring-api";

export { CASE_OPENERS, CASE_WORKERS, MONITORING_MANAGERS, MONITORING_READERS } from "./monitoring-roles";

export const TONE_COLORS: Record<Tone, string> = {
  positive: "green",
  neutral: "default",
  negative: "red",
};

export const STATE_COLORS: Record<CaseState, string> = {
  open: "blue",
  in_progress: "gold",
  resolved: "green",
  closed: "default",
};

export const ASSESSMENT_COLORS: Record<Assessment, string> = {
  accurate: "green",
  misleading: "orange",
  false: "red",
  hostile: "magenta",
};

export function ToneTag({ tone }: { tone: Tone }) {
  const { t } = useTranslation();
  return (
    <Tag color={TONE_COLORS[tone]} data-tone={tone}>
      {t(`monitoring.tones.${tone}`)}
    </Tag>
  );
}

export function FlagTag({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  return (
    <Tag color={flag === "check_false_info" ? "volcano" : "purple"} data-flag={flag}>
      {t(`monitoring.flags.${flag}`)}
    </Tag>
  );
}

export function AssessmentTag({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  return <Tag color={ASSESSMENT_COLORS[assessment]}>{t(`monitoring.assessments.${assessment}`)}</Tag>;
}

export function CaseStateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-state={state}>
      {t(`monitoring.caseStates.${state}`)}
    </Tag>
  );
}

/** Language and country names in the UI language ("vi" → "Tiếng Việt" / "Vietnamese"). */
export function useDisplayNames() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = i18n.language === "en" ? "en" : "vi";
    const languages = new Intl.DisplayNames([locale], { type: "language" });
    const regions = new Intl.DisplayNames([locale], { type: "region" });
    const safe = (names: Intl.DisplayNames, code: string) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    };
    return {
      language: (code: string | null | undefined) => (code ? safe(languages, code) : "—"),
      country: (code: string | null | undefined) => (code ? safe(regions, code.toUpperCase()) : "—"),
    };
  }, [i18n.language]);
}

const loadTopics = (signal: AbortSignal) => monitoringApi.topics(signal);

/** Topic keys with their names from the editable topic dictionary. */
export function useTopics() {
  const { i18n } = useTranslation();
  const { data } = useApiData(useCallback(loadTopics, []));
  return useMemo(() => {
    const list = data?.data.topics ?? [];
    const names = new Map(list.map((d) => [d.topic, i18n.language === "en" ? d.nameEn : d.nameVi]));
    return {
      list,
      name: (key: string) => names.get(key) ?? key,
      options: list.map((d) => ({ value: d.topic, label: names.get(d.topic) ?? d.topic })),
    };
  }, [data, i18n.language]);
}

/** Languages offered in filters and forms (items keep whatever the detector found). */
export const COMMON_LANGUAGES = ["vi", "en", "zh", "fr", "ja", "ko", "ru", "de", "es", "th", "lo", "km"];
/** Countries offered in filters (ISO 3166 alpha-2); any other code may be typed. */
export const COMMON_COUNTRIES = ["VN", "US", "CN", "FR", "JP", "KR", "RU", "GB", "DE", "AU", "SG", "TH"];
