import { DatePicker, Form, Input, InputNumber, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import {
  AWARD_CATEGORIES,
  AWARD_RESULTS,
  type AwardCategory,
  type AwardResult,
} from "../../../shared/api/training";

export interface AwardFormValues {
  title: string;
  authors: string;
  category: AwardCategory;
  round: string;
  year: number;
  submittedOn?: Dayjs;
  result: AwardResult;
}

/** The fields of an award entry. */
export function AwardFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="title" label={t("training.entry")} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="authors" label={t("training.authors")} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="category" label={t("training.category")} rules={[{ required: true }]}>
        <Select options={AWARD_CATEGORIES.map((c) => ({ value: c, label: t(`training.categories.${c}`) }))} />
      </Form.Item>
      <Form.Item name="round" label={t("training.round")} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="year" label={t("training.year")} rules={[{ required: true }]}>
        <InputNumber<number> min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="submittedOn" label={t("training.submittedOn")}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="result" label={t("training.result")} rules={[{ required: true }]}>
        <Select options={AWARD_RESULTS.map((r) => ({ value: r, label: t(`training.results.${r}`) }))} />
      </Form.Item>
    </>
  );
}
