import { DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";

export interface CourseFormValues {
  title: string;
  startDate: Dayjs;
  endDate?: Dayjs;
  location?: string;
  topics?: string;
  trainers?: string;
}

export const lines = (text: string | undefined) =>
  (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** The fields of a course (used in the add drawer and the edit dialog). */
export function CourseFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="title"
        label={t("training.courseTitle")}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="startDate" label={t("training.startDate")} rules={[{ required: true }]}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="endDate" label={t("training.endDate")}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="location" label={t("training.location")}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="topics" label={t("training.topics")} extra={t("training.onePerLine")}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="trainers" label={t("training.trainers")} extra={t("training.onePerLine")}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}
