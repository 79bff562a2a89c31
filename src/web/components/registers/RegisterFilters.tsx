import { Input, Select, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { COUNTRY_OPTIONS } from "./country-options";

/** The filter bar of a register's list: an accent-insensitive search, then the register's own filters. */
export function RegisterFilters({
  searchLabel,
  onSearch,
  children,
}: {
  searchLabel: string;
  onSearch(q: string | undefined): void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <search className="hd-filters" aria-label={t("common.filters")}>
      <Input.Search
        allowClear
        placeholder={searchLabel}
        aria-label={searchLabel}
        onSearch={(v) => onSearch(v.trim() || undefined)}
        className="hd-filter-search"
      />
      {children}
    </search>
  );
}

/** The years offered by year filters: next year and the seven before it. */
export const YEAR_OPTIONS = Array.from({ length: 8 }, (_, i) => {
  const y = new Date().getFullYear() + 1 - i;
  return { value: y, label: String(y) };
});

/** A country filter, searchable by name or code ("Nhật Bản (JP)"). */
export function CountryFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
}) {
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      aria-label={label}
      placeholder={label}
      className="hd-filter-select"
      value={value}
      onChange={(v?: string) => onChange(v)}
      options={COUNTRY_OPTIONS}
    />
  );
}

/** A year filter over {@link YEAR_OPTIONS}. */
export function YearFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | undefined;
  onChange(value: number | undefined): void;
}) {
  return (
    <Select
      allowClear
      aria-label={label}
      placeholder={label}
      style={{ width: 120 }}
      value={value}
      onChange={(v?: number) => onChange(v)}
      options={YEAR_OPTIONS}
    />
  );
}

/** A status as a coloured tag, the colour by status and the label already translated. */
export function StatusTag<S extends string>({
  status,
  colors,
  label,
}: {
  status: S;
  colors: Record<S, string>;
  label: string;
}) {
  return <Tag color={colors[status]}>{label}</Tag>;
}
