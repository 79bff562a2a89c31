import { DatePicker, Input, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { toIsoDate } from "../../components/format";
import { Field, rowsFor } from "./Field";
import type { ParsedDocument } from "./parsed-programme";

const DATE_FORMAT = "DD/MM/YYYY";
const asDay = (value: string | null | undefined) => (value ? dayjs(value) : null);
type TextField = "type" | "typeCode" | "number" | "issuer" | "parentIssuer" | "place" | "title";
const TEXT_FIELDS: TextField[] = ["number", "type", "typeCode", "issuer", "parentIssuer", "place"];

/** The document's header: system, number and symbol, issuer, place and date, title, period. */
export function DocumentHeaderForm({
  value,
  onChange,
  readOnly,
}: {
  value: ParsedDocument;
  onChange(value: ParsedDocument): void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<ParsedDocument>) => onChange({ ...value, ...patch });
  const period = value.period ?? null;

  return (
    <div className="hd-doc-form">
      <Field label={t("programmes.doc.title")}>
        {(id) => (
          <Input.TextArea
            id={id}
            value={value.title ?? ""}
            rows={rowsFor(value.title ?? "", 1, 4)}
            onChange={(event) => set({ title: event.target.value || null })}
            disabled={readOnly}
          />
        )}
      </Field>
      <div className="hd-grid-2">
        <Field label={t("programmes.doc.system")}>
          {(id) => (
            <Select<"party" | "state" | "none">
              id={id}
              value={value.system ?? "none"}
              onChange={(system) => set({ system: system === "none" ? null : system })}
              options={[
                { value: "party", label: t("programmes.doc.systems.party") },
                { value: "state", label: t("programmes.doc.systems.state") },
                { value: "none", label: t("programmes.doc.systems.none") },
              ]}
              disabled={readOnly}
              className="hd-w-100"
            />
          )}
        </Field>
        {TEXT_FIELDS.map((field) => (
          <Field key={field} label={t(`programmes.doc.${field}`)}>
            {(id) => (
              <Input
                id={id}
                value={value[field] ?? ""}
                onChange={(event) => set({ [field]: event.target.value || null })}
                disabled={readOnly}
              />
            )}
          </Field>
        ))}
        <Field label={t("programmes.doc.date")}>
          {(id) => (
            <DatePicker
              id={id}
              format={DATE_FORMAT}
              value={asDay(value.date)}
              onChange={(day) => set({ date: toIsoDate(day) })}
              disabled={readOnly}
              className="hd-w-100"
            />
          )}
        </Field>
        <Field label={t("programmes.doc.period")}>
          {(id) => (
            <DatePicker.RangePicker
              id={id}
              format={DATE_FORMAT}
              value={period ? [dayjs(period.start), dayjs(period.end)] : null}
              onChange={(range) => {
                const start = toIsoDate(range?.[0]);
                const end = toIsoDate(range?.[1]);
                set({ period: start && end ? { start, end } : null });
              }}
              disabled={readOnly}
              className="hd-w-100"
            />
          )}
        </Field>
      </div>
    </div>
  );
}
