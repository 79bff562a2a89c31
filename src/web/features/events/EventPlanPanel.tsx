import { CheckOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { PLAN_CHANNELS, PLAN_LANGUAGES, type PlanChannel, type PlanItem } from "../../../shared/api/events";
import { EVENT_PLAN_IMPORT_TEMPLATE } from "../../../shared/registers/import-templates";
import { isApiError } from "../../api/client";
import type { Unit } from "../../api/types";
import { formatDate } from "../../components/format";
import { RemoteSelect } from "../../components/RemoteSelect";
import { ImportFromExcel } from "../../components/registers/ImportFromExcel";
import { useApiData } from "../../components/use-api-data";
import { useSubmit } from "../../components/use-submit";
import { unitOption } from "../directory/directory-api";
import { TaskSelect } from "../monitoring/TaskSelect";
import { planApi } from "./plan-api";

interface Values {
  product: string;
  channel: PlanChannel;
  languages: (typeof PLAN_LANGUAGES)[number][];
  unitId?: string | null;
  deadline: Dayjs;
  taskId?: string | null;
  note?: string;
}

/** The communication plan of an event: its items, add, mark done, delete. */
export function EventPlanPanel({ eventId, canEdit }: { eventId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSubmit(form);
  const load = useCallback((signal: AbortSignal) => planApi.list(eventId, signal), [eventId]);
  const plan = useApiData(load);
  const fail = (err: unknown) => message.error(isApiError(err) ? err.message : String(err));

  const submit = (values: Values) =>
    run(async () => {
      await planApi.create(eventId, {
        product: values.product,
        channel: values.channel,
        languages: values.languages,
        unitId: values.unitId ?? null,
        deadline: values.deadline.format("YYYY-MM-DD"),
        taskId: values.taskId ?? null,
        note: values.note?.trim() || null,
      });
      form.resetFields();
      plan.reload();
    });

  return (
    <section aria-labelledby="event-plan-title" className="hd-mt-s" data-testid="event-plan">
      <h2 id="event-plan-title" className="hd-section-heading">
        {t("eventPlan.title")}
      </h2>
      <p className="hd-muted">{t("eventPlan.intro")}</p>
      {canEdit && (
        <div className="hd-mb">
          <ImportFromExcel
            path={`/api/events/${eventId}/plan/import`}
            template={EVENT_PLAN_IMPORT_TEMPLATE}
            title={t("eventPlan.title")}
            onImported={plan.reload}
          />
        </div>
      )}
      {plan.error && <Alert type="error" showIcon title={plan.error} className="hd-mb" />}
      <Table<PlanItem>
        rowKey="id"
        size="small"
        pagination={false}
        loading={plan.loading}
        dataSource={plan.data?.items ?? []}
        locale={{ emptyText: t("eventPlan.empty") }}
        columns={[
          {
            key: "product",
            title: t("eventPlan.product"),
            render: (_, r) => (
              <>
                <div>{r.product}</div>
                <div className="hd-muted">
                  {t(`eventPlan.channels.${r.channel}`)} · {r.languages.join(", ").toUpperCase()}
                  {r.unitName && ` · ${r.unitName}`}
                  {r.taskRef && ` · ${t("eventPlan.task")} ${r.taskRef}`}
                </div>
              </>
            ),
          },
          {
            key: "deadline",
            title: t("eventPlan.deadline"),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span className="hd-nowrap">{formatDate(r.deadline)}</span>
                {r.doneOn && <Tag color="green">{t("eventPlan.done")}</Tag>}
                {!r.doneOn && r.remindedFor === r.deadline && <Tag>{t("eventPlan.reminded")}</Tag>}
              </Space>
            ),
          },
          ...(canEdit
            ? [
                {
                  key: "actions",
                  title: t("common.actions"),
                  render: (_: unknown, r: PlanItem) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        icon={<CheckOutlined />}
                        onClick={() =>
                          planApi
                            .update(eventId, r.id, { doneOn: r.doneOn ? null : dayjs().format("YYYY-MM-DD") })
                            .then(plan.reload, fail)
                        }
                      >
                        {r.doneOn ? t("eventPlan.reopen") : t("eventPlan.markDone")}
                      </Button>
                      <Popconfirm
                        title={t("eventPlan.confirmDelete")}
                        onConfirm={() => planApi.remove(eventId, r.id).then(plan.reload, fail)}
                      >
                        <Button
                          type="link"
                          danger
                          size="small"
                          icon={<DeleteOutlined />}
                          aria-label={t("eventPlan.delete")}
                        />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          className="hd-mt-s"
          initialValues={{ channel: "press", languages: ["vi"] }}
        >
          {error && <Alert type="error" showIcon title={error} className="hd-mb" />}
          <Form.Item name="product" label={t("eventPlan.product")} rules={[{ required: true }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="channel" label={t("eventPlan.channel")}>
              <Select<PlanChannel>
                className="hd-filter-select"
                aria-label={t("eventPlan.channel")}
                options={PLAN_CHANNELS.map((c) => ({ value: c, label: t(`eventPlan.channels.${c}`) }))}
              />
            </Form.Item>
            <Form.Item name="languages" label={t("eventPlan.languages")} rules={[{ required: true }]}>
              <Select<(typeof PLAN_LANGUAGES)[number][]>
                mode="multiple"
                className="hd-filter-select"
                aria-label={t("eventPlan.languages")}
                options={PLAN_LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
              />
            </Form.Item>
            <Form.Item name="deadline" label={t("eventPlan.deadline")} rules={[{ required: true }]}>
              <DatePicker format="DD/MM/YYYY" aria-label={t("eventPlan.deadline")} />
            </Form.Item>
          </Space>
          <Form.Item name="unitId" label={t("eventPlan.unit")}>
            <RemoteSelect<Unit>
              path="/api/units"
              toOption={unitOption}
              allowClear
              aria-label={t("eventPlan.unit")}
            />
          </Form.Item>
          <Form.Item name="taskId" label={t("eventPlan.task")}>
            <TaskSelect />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={saving} data-testid="plan-add">
            {t("eventPlan.add")}
          </Button>
        </Form>
      )}
    </section>
  );
}
