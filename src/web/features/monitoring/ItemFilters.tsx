import { Checkbox, DatePicker, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { toIsoDate } from "../../components/format";
import { RemoteSelect } from "../../components/RemoteSelect";
import { FLAGS, OUTLET_TYPES, type Source, TONES } from "./monitoring-api";
import { COMMON_COUNTRIES, COMMON_LANGUAGES, useDisplayNames, useTopics } from "./monitoring-labels";

/** The feed's filters, as URL query parameters (comma-separated lists where the API takes several). */
export const FEED_FILTERS = [
  "lang",
  "country",
  "outletType",
  "sourceId",
  "topic",
  "tone",
  "flag",
  "mentionsCity",
  "from",
  "to",
] as const;
export type FeedFilter = (typeof FEED_FILTERS)[number];
export type FeedFilters = Partial<Record<FeedFilter, string>>;

const list = (value: string | undefined) => (value ? value.split(",").filter(Boolean) : []);
const sourceOption = (source: Source) => ({ value: source.id, label: source.name });

/** Filter bar of the live feed: every control is labelled for screen readers. */
export function ItemFilters({
  filters,
  onChange,
}: {
  filters: FeedFilters;
  onChange: (patch: FeedFilters) => void;
}) {
  const { t } = useTranslation();
  const names = useDisplayNames();
  const topics = useTopics();
  const multi = (key: FeedFilter, values: string[]) =>
    onChange({ [key]: values.length ? values.join(",") : undefined });
  return (
    <search className="hd-filters" aria-label={t("monitoring.feed.filters")}>
      <Select<string[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t("monitoring.filters.language")}
        aria-label={t("monitoring.filters.language")}
        value={list(filters.lang)}
        onChange={(v) => multi("lang", v)}
        options={COMMON_LANGUAGES.map((code) => ({ value: code, label: names.language(code) }))}
        className="hd-filter-select"
        data-testid="filter-lang"
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t("monitoring.filters.country")}
        aria-label={t("monitoring.filters.country")}
        value={list(filters.country)}
        onChange={(v) => multi("country", v)}
        options={COMMON_COUNTRIES.map((code) => ({ value: code, label: names.country(code) }))}
        className="hd-filter-select"
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t("monitoring.filters.outletType")}
        aria-label={t("monitoring.filters.outletType")}
        value={list(filters.outletType)}
        onChange={(v) => multi("outletType", v)}
        options={OUTLET_TYPES.map((o) => ({ value: o, label: t(`monitoring.outletTypes.${o}`) }))}
        className="hd-filter-select"
      />
      <RemoteSelect<Source>
        path="/api/monitoring/sources"
        toOption={sourceOption}
        placeholder={t("monitoring.filters.source")}
        aria-label={t("monitoring.filters.source")}
        value={filters.sourceId}
        onChange={(v) => onChange({ sourceId: v ?? undefined })}
        className="hd-filter-select"
        popupMatchSelectWidth={false}
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t("monitoring.filters.topic")}
        aria-label={t("monitoring.filters.topic")}
        value={list(filters.topic)}
        onChange={(v) => multi("topic", v)}
        options={topics.options}
        className="hd-filter-select"
        popupMatchSelectWidth={false}
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t("monitoring.filters.tone")}
        aria-label={t("monitoring.filters.tone")}
        value={list(filters.tone)}
        onChange={(v) => multi("tone", v)}
        options={TONES.map((tone) => ({ value: tone, label: t(`monitoring.tones.${tone}`) }))}
        className="hd-filter-select"
      />
      <Select<string>
        allowClear
        placeholder={t("monitoring.filters.flag")}
        aria-label={t("monitoring.filters.flag")}
        value={filters.flag}
        onChange={(v) => onChange({ flag: v ?? undefined })}
        options={FLAGS.map((flag) => ({ value: flag, label: t(`monitoring.flags.${flag}`) }))}
        className="hd-filter-select"
        data-testid="filter-flag"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        format="DD/MM/YYYY"
        aria-label={t("monitoring.filters.dateRange")}
        placeholder={[t("monitoring.filters.from"), t("monitoring.filters.to")]}
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        onChange={(range) => {
          onChange({
            from: toIsoDate(range?.[0]) ?? undefined,
            to: toIsoDate(range?.[1]) ?? undefined,
          });
        }}
      />
      <Checkbox
        checked={filters.mentionsCity === "true"}
        onChange={(e) => onChange({ mentionsCity: e.target.checked ? "true" : undefined })}
        data-testid="filter-mentions-city"
      >
        {t("monitoring.filters.mentionsCity")}
      </Checkbox>
    </search>
  );
}
