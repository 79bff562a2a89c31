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

/** A labelled multi-select over a comma-separated filter value. */
function MultiFilter({
  label,
  value,
  onChange,
  options,
  ...rest
}: {
  label: string;
  value: string | undefined;
  onChange: (values: string[]) => void;
  options: { value: string; label: string }[];
  popupMatchSelectWidth?: boolean;
  "data-testid"?: string;
}) {
  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={label}
      aria-label={label}
      value={list(value)}
      onChange={onChange}
      options={options}
      className="hd-filter-select"
      {...rest}
    />
  );
}

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
      <MultiFilter
        label={t("monitoring.filters.language")}
        value={filters.lang}
        onChange={(v) => multi("lang", v)}
        options={COMMON_LANGUAGES.map((code) => ({ value: code, label: names.language(code) }))}
        data-testid="filter-lang"
      />
      <MultiFilter
        label={t("monitoring.filters.country")}
        value={filters.country}
        onChange={(v) => multi("country", v)}
        options={COMMON_COUNTRIES.map((code) => ({ value: code, label: names.country(code) }))}
      />
      <MultiFilter
        label={t("monitoring.filters.outletType")}
        value={filters.outletType}
        onChange={(v) => multi("outletType", v)}
        options={OUTLET_TYPES.map((o) => ({ value: o, label: t(`monitoring.outletTypes.${o}`) }))}
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
      <MultiFilter
        label={t("monitoring.filters.topic")}
        value={filters.topic}
        onChange={(v) => multi("topic", v)}
        options={topics.options}
        popupMatchSelectWidth={false}
      />
      <MultiFilter
        label={t("monitoring.filters.tone")}
        value={filters.tone}
        onChange={(v) => multi("tone", v)}
        options={TONES.map((tone) => ({ value: tone, label: t(`monitoring.tones.${tone}`) }))}
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
