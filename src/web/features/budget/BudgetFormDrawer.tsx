import { DatePicker, Form, Input, InputNumber, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { BUDGET_STATUSES, type BudgetItemDto, type BudgetStatus } from "../../../shared/api/budget";
import type { Unit } from "../../api/types";
import { RemoteSelect } from "../../components/RemoteSelect";
import { FormDrawer } from "../../components/registers/FormDrawer";
import { useSubmit } from "../../components/use-submit";
import { unitOption } from "../directory/directory-api";
import { budgetApi } from "./budget-api";

interface Values {
  title: string;
  year: number;
  status: BudgetStatus;
  proposedAmount: number;
  approvedAmount?: number | null;
  disbursedAmount?: number | null;
  proposedOn?: Dayjs | null;
  unitId?: string | null;
  description?: string;
}

/** Thousands grouped with dots while typing, as amounts are written in Vietnamese. */
const dongFormatter = (value: number | string | undefined) =>
  value === undefined || value === "" ? "" : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
const dongParser = (text: string | undefined) => Number((text ?? "").replace(/\./g, "").replace(/,/g, "."));

function Amount({ label, name }: { label: string; name: keyof Values }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} extra={t("budget.amountHint")}>
      <InputNumber<number>
        className="hd-w-100"
        min={0}
        step={1_000_000}
        formatter={dongFormatter}
        parser={dongParser}
        addonAfter="đ"
        aria-label={label}
      />
    </Form.Item>
  );
}

/** Create or edit a budget item. */
export function BudgetFormDrawer({
  open,
  item,
  onClose,
  onSaved,
}: {
  open: boolean;
  item: BudgetItemDto | null;
  onClose(): void;
  onSaved(saved: BudgetItemDto): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSubmit(form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      title: item?.title ?? "",
      year: item?.year ?? dayjs().year(),
      status: item?.status ?? "proposed",
      proposedAmount: item?.proposedAmount,
      approvedAmount: item?.approvedAmount ?? null,
      disbursedAmount: item?.disbursedAmount ?? null,
      proposedOn: item?.proposedOn ? dayjs(item.proposedOn) : null,
      unitId: item?.unitId ?? null,
      description: item?.description ?? "",
    });
  }, [open, item, form]);

  const submit = (values: Values) =>
    run(async () => {
      const body = {
        title: values.title,
        year: values.year,
        status: values.status,
        proposedAmount: values.proposedAmount,
        approvedAmount: values.approvedAmount ?? null,
        disbursedAmount: values.disbursedAmount ?? null,
        proposedOn: values.proposedOn ? values.proposedOn.format("YYYY-MM-DD") : null,
        unitId: values.unitId ?? null,
        description: values.description?.trim() || null,
      };
      const saved = item ? await budgetApi.update(item.id, body) : await budgetApi.create(body);
      onSaved(saved);
    });

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={item ? t("budget.edit") : t("budget.add")}
      size={560}
      form={form}
      onFinish={submit}
      saving={saving}
      error={error}
      withCancel
      destroyOnHidden
      saveTestId="budget-save"
    >
      <Form.Item name="title" label={t("budget.itemTitle")} rules={[{ required: true }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="year" label={t("budget.year")} rules={[{ required: true }]}>
          <InputNumber<number> min={2000} max={2100} aria-label={t("budget.year")} />
        </Form.Item>
        <Form.Item name="proposedOn" label={t("budget.proposedOn")}>
          <DatePicker format="DD/MM/YYYY" aria-label={t("budget.proposedOn")} />
        </Form.Item>
        <Form.Item name="status" label={t("budget.status")}>
          <Select<BudgetStatus>
            className="hd-filter-select"
            aria-label={t("budget.status")}
            options={BUDGET_STATUSES.map((s) => ({ value: s, label: t(`budget.statuses.${s}`) }))}
          />
        </Form.Item>
      </Space>
      <Amount name="proposedAmount" label={t("budget.proposedAmount")} />
      <Amount name="approvedAmount" label={t("budget.approvedAmount")} />
      <Amount name="disbursedAmount" label={t("budget.disbursedAmount")} />
      <Form.Item name="unitId" label={t("budget.unit")}>
        <RemoteSelect<Unit>
          path="/api/units"
          toOption={unitOption}
          allowClear
          initialOption={item?.unitId ? { value: item.unitId, label: item.unitName ?? "" } : null}
          aria-label={t("budget.unit")}
        />
      </Form.Item>
      <Form.Item name="description" label={t("budget.description")}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </FormDrawer>
  );
}
