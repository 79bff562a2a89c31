import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { EVENT_KINDS, type EventDto } from "../../../shared/api/events";
import { solarToLunar } from "../../../shared/calendar/lunar-calendar";
import { useSubmit } from "../../components/use-submit";
import { EventPlanPanel } from "./EventPlanPanel";
import { type EventInput, eventsApi } from "./events-api";

interface EventForm {
  title: string;
  kind: EventDto["kind"];
  calendar: "solar" | "lunar";
  days: [Dayjs, Dayjs | null];
  lunarYear: number;
  lunarMonth: number;
  lunarDay: number;
  lunarLeap: boolean;
  recurrence: "none" | "yearly";
  originYear?: number | null;
  location?: string;
  description?: string;
}

/** Create or edit an event: a solar date range, or a lunar date (recurring on its lunar day). */
export function EventFormDrawer({
  open,
  event,
  initialDate,
  onClose,
  onSaved,
}: {
  open: boolean;
  event: EventDto | null;
  initialDate: string | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<EventForm>();
  const { saving, error, run } = useSubmit(form);
  const calendar = Form.useWatch("calendar", form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const start = event?.startDate ?? initialDate ?? dayjs().format("YYYY-MM-DD");
    const lunar = event?.lunarDate ?? solarToLunar(start);
    form.setFieldsValue({
      title: event?.title ?? "",
      kind: event?.kind ?? "anniversary",
      calendar: event?.calendar ?? "solar",
      days: [dayjs(start), event ? dayjs(event.endDate) : null],
      lunarYear: lunar.year,
      lunarMonth: lunar.month,
      lunarDay: lunar.day,
      lunarLeap: lunar.leap,
      recurrence: event?.recurrence ?? "yearly",
      originYear: event?.originYear ?? null,
      location: event?.location ?? "",
      description: event?.description ?? "",
    });
  }, [open, event, initialDate, form]);

  const submit = (values: EventForm) =>
    run(async () => {
      const [first, last] = values.days ?? [];
      const base = {
        title: values.title.trim(),
        kind: values.kind,
        recurrence: values.recurrence,
        originYear: values.originYear ?? null,
        location: values.location?.trim() || null,
        description: values.description?.trim() || null,
      };
      const dates: Pick<EventInput, "startDate" | "lunarDate" | "endDate"> =
        values.calendar === "lunar"
          ? {
              lunarDate: {
                year: values.lunarYear,
                month: values.lunarMonth,
                day: values.lunarDay,
                leap: values.lunarLeap,
              },
            }
          : { startDate: first?.format("YYYY-MM-DD"), endDate: last ? last.format("YYYY-MM-DD") : null };
      if (event) await eventsApi.update(event.id, { ...base, ...dates });
      else await eventsApi.create({ ...base, ...dates });
      message.success(t(event ? "events.updated" : "events.created"));
      onSaved();
    });

  const remove = () =>
    event &&
    modal.confirm({
      title: t("events.deleteConfirm", { title: event.title }),
      okButtonProps: { danger: true },
      okText: t("events.delete"),
      onOk: () =>
        run(async () => {
          await eventsApi.remove(event.id);
          message.success(t("events.deleted"));
          onSaved();
        }),
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={event ? t("events.editTitle") : t("events.newTitle")}
      extra={
        <Space>
          {event && (
            <Button danger onClick={remove}>
              {t("events.delete")}
            </Button>
          )}
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} className="hd-mb" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="title"
          label={t("events.fields.title")}
          rules={[{ required: true, whitespace: true, max: 300 }]}
        >
          <Input placeholder={t("events.fields.titlePlaceholder")} />
        </Form.Item>
        <Form.Item name="kind" label={t("events.fields.kind")} rules={[{ required: true }]}>
          <Select options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="calendar" label={t("events.fields.calendar")}>
          <Radio.Group
            options={[
              { value: "solar", label: t("events.solar") },
              { value: "lunar", label: t("events.lunar") },
            ]}
          />
        </Form.Item>
        {calendar === "lunar" ? (
          <Space align="start" wrap>
            <Form.Item name="lunarDay" label={t("events.fields.lunarDay")} rules={[{ required: true }]}>
              <InputNumber min={1} max={30} />
            </Form.Item>
            <Form.Item name="lunarMonth" label={t("events.fields.lunarMonth")} rules={[{ required: true }]}>
              <InputNumber min={1} max={12} />
            </Form.Item>
            <Form.Item name="lunarYear" label={t("events.fields.lunarYear")} rules={[{ required: true }]}>
              <InputNumber min={1800} max={2199} />
            </Form.Item>
            <Form.Item name="lunarLeap" label=" " valuePropName="checked">
              <Checkbox>{t("events.fields.leap")}</Checkbox>
            </Form.Item>
          </Space>
        ) : (
          <Form.Item name="days" label={t("events.fields.days")} rules={[{ required: true }]}>
            <DatePicker.RangePicker format="DD/MM/YYYY" allowEmpty={[false, true]} />
          </Form.Item>
        )}
        <Form.Item name="recurrence" label={t("events.fields.recurrence")}>
          <Radio.Group
            options={[
              { value: "yearly", label: t("events.yearly") },
              { value: "none", label: t("events.once") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="originYear"
          label={t("events.fields.originYear")}
          extra={t("events.fields.originYearHelp")}
        >
          <InputNumber min={1000} max={2199} />
        </Form.Item>
        <Form.Item name="location" label={t("events.fields.location")} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t("events.fields.description")} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
      {event && <EventPlanPanel eventId={event.id} canEdit />}
    </Drawer>
  );
}
