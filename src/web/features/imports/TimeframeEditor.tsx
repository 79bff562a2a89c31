import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Input, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { toIsoDate } from "../../components/format";
import { timeframeKindKey } from "../programmes/labels";
import { Field } from "./Field";
import { TIMEFRAME_KINDS, type Timeframe, type TimeframeKind } from "./parsed-programme";

const DATE_FORMAT = "DD/MM/YYYY";
const asDay = (value: string | null | undefined) => (value ? dayjs(value) : null);

/** Kind, wording, start/end, milestones and the cited plan of a task's time frame. */
export function TimeframeEditor({
  value,
  onChange,
  readOnly,
}: {
  value: Timeframe;
  onChange(value: Timeframe): void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Timeframe>) => onChange({ ...value, ...patch });
  const milestones = value.milestones ?? [];

  return (
    <fieldset className="hd-timeframe">
      <legend className="hd-field-label">{t("programmes.timeframe")}</legend>
      <div className="hd-grid-2">
        <Field label={t("imports.timeframeKind")}>
          {(id) => (
            <Select<TimeframeKind>
              id={id}
              value={value.kind}
              onChange={(kind) => set({ kind })}
              options={TIMEFRAME_KINDS.map((kind) => ({ value: kind, label: t(timeframeKindKey(kind)) }))}
              disabled={readOnly}
              className="hd-w-100"
            />
          )}
        </Field>
        <Field label={t("imports.timeframeText")}>
          {(id) => (
            <Input
              id={id}
              value={value.text ?? ""}
              onChange={(event) => set({ text: event.target.value || null })}
              disabled={readOnly}
            />
          )}
        </Field>
        <Field label={t("imports.start")}>
          {(id) => (
            <DatePicker
              id={id}
              format={DATE_FORMAT}
              value={asDay(value.start)}
              onChange={(day) => set({ start: toIsoDate(day) })}
              disabled={readOnly}
              className="hd-w-100"
            />
          )}
        </Field>
        <Field label={t("imports.end")}>
          {(id) => (
            <DatePicker
              id={id}
              format={DATE_FORMAT}
              value={asDay(value.end)}
              onChange={(day) => set({ end: toIsoDate(day) })}
              disabled={readOnly}
              className="hd-w-100"
            />
          )}
        </Field>
      </div>
      {value.kind === "per_plan" && (
        <Field label={t("imports.plan")}>
          {(id) => (
            <Input
              id={id}
              value={value.plan ?? ""}
              placeholder="318/KH-UBND"
              onChange={(event) => set({ plan: event.target.value || null })}
              disabled={readOnly}
            />
          )}
        </Field>
      )}
      <div className="hd-field-label">{t("imports.milestones")}</div>
      {milestones.map((milestone, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: milestones have no id; the row is its position.
        <div className="hd-party-row" key={index}>
          <DatePicker
            format={DATE_FORMAT}
            value={asDay(milestone.due)}
            onChange={(day) => {
              const due = toIsoDate(day);
              if (!due) return;
              set({ milestones: milestones.map((m, i) => (i === index ? { ...m, due } : m)) });
            }}
            aria-label={`${t("imports.milestoneDue")} ${index + 1}`}
            disabled={readOnly}
            allowClear={false}
          />
          <Input
            value={milestone.label ?? ""}
            placeholder={t("imports.milestoneLabel")}
            onChange={(event) =>
              set({
                milestones: milestones.map((m, i) =>
                  i === index
                    ? { due: m.due, ...(event.target.value ? { label: event.target.value } : {}) }
                    : m,
                ),
              })
            }
            aria-label={`${t("imports.milestoneLabel")} ${index + 1}`}
            disabled={readOnly}
            className="hd-party-name"
          />
          {!readOnly && (
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t("imports.removeMilestone")} ${index + 1}`}
              onClick={() => set({ milestones: milestones.filter((_, i) => i !== index) })}
            />
          )}
        </div>
      ))}
      {!readOnly && (
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() =>
            set({ milestones: [...milestones, { due: value.end ?? dayjs().format("YYYY-MM-DD") }] })
          }
        >
          {t("imports.addMilestone")}
        </Button>
      )}
    </fieldset>
  );
}
