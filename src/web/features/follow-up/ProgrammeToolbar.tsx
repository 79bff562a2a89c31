import { DatePicker, Select } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { toIsoDate } from "../../components/format";
import { type Programme, programmeLabel } from "../programmes/programmes-api";

/** The programme select and, optionally, the "as of" date (from the programme's start; later dates count late work). */
export function ProgrammeToolbar({
  programmes,
  programme,
  onProgramme,
  asOf,
  onAsOf,
  children,
}: {
  programmes: Programme[];
  programme: Programme | null;
  onProgramme(id: string): void;
  /** The date shown; `undefined` hides the picker. */
  asOf?: string | null;
  onAsOf?(value: string | null): void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const period = programme?.period;
  return (
    <search className="hd-filters" aria-label={t("common.filters")}>
      <Select<string>
        value={programme?.id}
        onChange={onProgramme}
        aria-label={t("followUp.programme")}
        placeholder={t("followUp.programme")}
        options={programmes.map((p) => ({
          value: p.id,
          label: `${programmeLabel(p)}${p.title ? ` — ${p.title}` : ""}`,
        }))}
        className="hd-filter-programme"
        popupMatchSelectWidth={false}
        data-testid="programme-select"
      />
      {onAsOf && asOf !== undefined && (
        <span className="hd-inline-field">
          <label htmlFor="hd-as-of">{t("followUp.asOf")}</label>
          <DatePicker
            value={asOf ? dayjs(asOf) : null}
            onChange={(value) => onAsOf(toIsoDate(value))}
            format="DD/MM/YYYY"
            allowClear
            placeholder={t("followUp.today")}
            minDate={period ? dayjs(period.start) : undefined}
            id="hd-as-of"
            data-testid="as-of"
          />
        </span>
      )}
      {children}
    </search>
  );
}
