import { App, Button, Card, DatePicker, Empty, Form, Input, List, Upload, type UploadFile } from "antd";
import type dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, toIsoDate } from "../../components/format";
import { useSubmit } from "../../components/use-submit";
import { type Direction, followUpApi, type RecordedDueDate, toUpload } from "./follow-up-api";

/** Leaders' comments and directions on the task; leaders and the secretariat add them. */
export function DirectionsCard({
  taskId,
  directions,
  canDirect,
  onChanged,
}: {
  taskId: string;
  directions: Direction[];
  canDirect: boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const { saving, run } = useSubmit(form, message.error);

  const add = ({ text }: { text: string }) =>
    run(async () => {
      await followUpApi.addDirection(taskId, text.trim());
      form.resetFields();
      message.success(t("followUp.directions.added"));
      onChanged();
    });

  return (
    <Card title={<h2 className="hd-card-title">{t("followUp.directions.title")}</h2>} className="hd-mb">
      {directions.length ? (
        <List
          size="small"
          dataSource={directions}
          renderItem={(d) => (
            <List.Item key={d.id}>
              <div>
                <div className="hd-pre">{d.text}</div>
                <div className="hd-muted">
                  {d.authorName} · {formatDateTime(d.createdAt)}
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("followUp.directions.none")} />
      )}
      {canDirect && (
        <Form form={form} layout="vertical" onFinish={add} className="hd-mt-s">
          <Form.Item
            name="text"
            label={t("followUp.directions.new")}
            rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
          >
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
          <Button htmlType="submit" loading={saving}>
            {t("followUp.directions.add")}
          </Button>
        </Form>
      )}
    </Card>
  );
}

interface DueDateValues {
  dueDate: dayjs.Dayjs;
  directive: string;
  label?: string;
}

/** Due dates recorded for an as-directed / per-plan task, with the directive that set them. */
export function DueDatesCard({
  taskId,
  dueDates,
  canRecord,
  onChanged,
}: {
  taskId: string;
  dueDates: RecordedDueDate[];
  canRecord: boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DueDateValues>();
  const [file, setFile] = useState<UploadFile | null>(null);
  const { saving, run } = useSubmit(form, message.error);

  const record = (values: DueDateValues) =>
    run(async () => {
      await followUpApi.recordDueDate(taskId, {
        dueDate: toIsoDate(values.dueDate) ?? "",
        directive: values.directive.trim(),
        ...(values.label?.trim() && { label: values.label.trim() }),
        ...(file?.originFileObj && { file: await toUpload(file.originFileObj) }),
      });
      form.resetFields();
      setFile(null);
      message.success(t("followUp.dueDate.recorded"));
      onChanged();
    });

  return (
    <Card title={<h2 className="hd-card-title">{t("followUp.dueDate.title")}</h2>} className="hd-mb">
      {dueDates.length ? (
        <List
          size="small"
          dataSource={dueDates}
          renderItem={(d) => (
            <List.Item key={d.id}>
              <span>
                <span className="hd-strong">{formatDate(d.dueDate)}</span>
                {d.label && ` (${d.label})`} — {d.directive}
              </span>
              {d.fileId && (
                // An attachment with the sniffed type; the server checks who may read it.
                <a href={`/api/due-dates/${d.id}/file`} download>
                  {t("followUp.dueDate.download")}
                </a>
              )}
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("followUp.dueDate.none")} />
      )}
      {canRecord && (
        <Form form={form} layout="vertical" onFinish={record} className="hd-mt-s" data-testid="due-date-form">
          <Form.Item
            name="dueDate"
            label={t("followUp.due")}
            rules={[{ required: true, message: t("validation.required") }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item
            name="directive"
            label={t("followUp.dueDate.directive")}
            extra={t("followUp.dueDate.directiveHelp")}
            rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="label" label={t("followUp.dueDate.label")}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={t("followUp.dueDate.file")}>
            <Upload
              maxCount={1}
              fileList={file ? [file] : []}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFile(fileList.at(-1) ?? null)}
            >
              <Button>{t("followUp.checkIn.addFiles")}</Button>
            </Upload>
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={saving}>
            {t("followUp.dueDate.record")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
