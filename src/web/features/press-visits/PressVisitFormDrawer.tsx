import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, DatePicker, Form, Input, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { PressVisitDto } from "../../../shared/api/press-visits";
import { COUNTRY_OPTIONS } from "../../components/registers/country-options";
import { FormDrawer } from "../../components/registers/FormDrawer";
import { useSubmit } from "../../components/use-submit";
import { type PressVisitInput, pressVisitsApi } from "./press-visits-api";

interface PressVisitForm {
  groupName: string;
  startDate: Dayjs;
  endDate: Dayjs;
  approvalNumber?: string;
  approvalDate?: Dayjs | null;
  approvalAuthority?: string;
  programme?: string;
  escorts?: string;
  topics?: string;
  materials?: string;
  reporters?: {
    name: string;
    role?: string;
    outlet: string;
    countryCode: string;
    sourceId?: string | null;
  }[];
}

const lines = (text: string | undefined) =>
  (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Create or edit a press visit. Reporters are entered with only what the work needs (name, role,
 * outlet, country); once the visit's personal data was erased they can no longer be edited.
 */
export function PressVisitFormDrawer({
  open,
  visit,
  onClose,
  onSaved,
}: {
  open: boolean;
  visit: PressVisitDto | null;
  onClose(): void;
  onSaved(saved: PressVisitDto): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PressVisitForm>();
  const { saving, error, run } = useSubmit(form);
  // Reporters are edited only where their names are shown (the list is replaced as a whole).
  const editsReporters = !visit || visit.showsPersonalData || visit.peopleCount === 0;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const v = visit;
    form.setFieldsValue({
      groupName: v?.groupName ?? "",
      startDate: v ? dayjs(v.startDate) : undefined,
      endDate: v ? dayjs(v.endDate) : undefined,
      approvalNumber: v?.approval?.number ?? "",
      approvalDate: v?.approval ? dayjs(v.approval.date) : null,
      approvalAuthority: v?.approval?.authority ?? "Bộ Ngoại giao",
      programme: v?.programme.join("\n") ?? "",
      escorts: v?.escorts.join("\n") ?? "",
      topics: v?.topics.join("\n") ?? "",
      materials: v?.materials.join("\n") ?? "",
      reporters:
        v?.reporters.map((r) => ({
          name: r.name ?? "",
          role: r.role ?? "",
          outlet: r.outlet,
          countryCode: r.countryCode,
          sourceId: r.sourceId,
        })) ?? [],
    });
  }, [open, visit, form]);

  const submit = (v: PressVisitForm) =>
    run(async () => {
      const body: PressVisitInput = {
        groupName: v.groupName.trim(),
        startDate: v.startDate.format("YYYY-MM-DD"),
        endDate: v.endDate.format("YYYY-MM-DD"),
        approval:
          v.approvalNumber?.trim() && v.approvalDate
            ? {
                number: v.approvalNumber.trim(),
                date: v.approvalDate.format("YYYY-MM-DD"),
                authority: v.approvalAuthority?.trim() || null,
              }
            : null,
        programme: lines(v.programme),
        escorts: lines(v.escorts),
        topics: lines(v.topics),
        materials: lines(v.materials),
      };
      const reporters = (v.reporters ?? []).map((r) => ({
        name: r.name.trim(),
        role: r.role?.trim() || null,
        outlet: r.outlet.trim(),
        countryCode: r.countryCode,
        sourceId: r.sourceId ?? null,
      }));
      const saved = visit
        ? await pressVisitsApi.update(visit.id, { ...body, ...(editsReporters && { reporters }) })
        : await pressVisitsApi.create({ ...body, reporters });
      message.success(t("pressVisits.saved"));
      onSaved(saved);
    });

  const linesField = (name: "programme" | "escorts" | "topics" | "materials") => (
    <Form.Item name={name} label={t(`pressVisits.fields.${name}`)} extra={t("pressVisits.fields.linesHelp")}>
      <Input.TextArea rows={2} />
    </Form.Item>
  );

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={visit ? t("pressVisits.edit") : t("pressVisits.add")}
      size={720}
      form={form}
      onFinish={submit}
      saving={saving}
      error={error}
      requiredMark="optional"
    >
      <Form.Item
        name="groupName"
        label={t("pressVisits.fields.groupName")}
        rules={[{ required: true, whitespace: true, max: 300 }]}
      >
        <Input />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="startDate" label={t("pressVisits.fields.startDate")} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="endDate" label={t("pressVisits.fields.endDate")} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Space>
      <Form.Item label={t("pressVisits.fields.approval")}>
        <Space wrap>
          <Form.Item name="approvalNumber" noStyle>
            <Input placeholder={t("pressVisits.fields.approvalNumber")} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="approvalDate" noStyle>
            <DatePicker format="DD/MM/YYYY" placeholder={t("pressVisits.fields.approvalDate")} />
          </Form.Item>
          <Form.Item name="approvalAuthority" noStyle>
            <Input placeholder={t("pressVisits.fields.approvalAuthority")} style={{ width: 200 }} />
          </Form.Item>
        </Space>
      </Form.Item>
      {linesField("programme")}
      {linesField("escorts")}
      {linesField("topics")}
      {linesField("materials")}
      {editsReporters && (
        <Form.List name="reporters">
          {(fields, { add, remove }) => (
            <Form.Item label={t("pressVisits.fields.reporters")}>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, "name"]} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t("pressVisits.fields.name")} style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "role"]}>
                    <Input placeholder={t("pressVisits.fields.role")} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "outlet"]} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t("pressVisits.fields.outlet")} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "countryCode"]} rules={[{ required: true }]}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      placeholder={t("pressVisits.fields.country")}
                      options={COUNTRY_OPTIONS}
                      style={{ width: 150 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t("pressVisits.addReporter")}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      )}
    </FormDrawer>
  );
}
