import { DatePicker, Form, Input, InputNumber, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import {
  HAI_PHONG_DISTRICTS,
  INSTALLATION_KINDS,
  INSTALLATION_STATUSES,
  type InstallationDto,
  type InstallationKind,
  type InstallationStatus,
} from "../../../shared/api/installations";
import type { Unit } from "../../api/types";
import { RemoteSelect } from "../../components/RemoteSelect";
import { FormDrawer } from "../../components/registers/FormDrawer";
import { useSubmit } from "../../components/use-submit";
import { unitOption } from "../directory/directory-api";
import { installationsApi } from "./installations-api";

interface Values {
  title: string;
  kind: InstallationKind;
  status: InstallationStatus;
  address: string;
  district: string;
  latitude?: number | null;
  longitude?: number | null;
  widthM?: number | null;
  heightM?: number | null;
  themes: string[];
  installedOn?: Dayjs | null;
  unitId?: string | null;
}

/** Create or edit a visual installation. */
export function InstallationFormDrawer({
  open,
  item,
  onClose,
  onSaved,
}: {
  open: boolean;
  item: InstallationDto | null;
  onClose(): void;
  onSaved(saved: InstallationDto): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSubmit(form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      title: item?.title ?? "",
      kind: item?.kind ?? "billboard",
      status: item?.status ?? "proposed",
      address: item?.address ?? "",
      district: item?.district ?? "hong_bang",
      latitude: item?.latitude ?? null,
      longitude: item?.longitude ?? null,
      widthM: item?.widthM ?? null,
      heightM: item?.heightM ?? null,
      themes: item?.themes ?? [],
      installedOn: item?.installedOn ? dayjs(item.installedOn) : null,
      unitId: item?.unitId ?? null,
    });
  }, [open, item, form]);

  const submit = (values: Values) =>
    run(async () => {
      const body = {
        ...values,
        latitude: values.latitude ?? null,
        longitude: values.longitude ?? null,
        widthM: values.widthM ?? null,
        heightM: values.heightM ?? null,
        installedOn: values.installedOn ? values.installedOn.format("YYYY-MM-DD") : null,
        unitId: values.unitId ?? null,
      };
      onSaved(item ? await installationsApi.update(item.id, body) : await installationsApi.create(body));
    });

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={item ? t("installations.edit") : t("installations.add")}
      size={560}
      form={form}
      onFinish={submit}
      saving={saving}
      error={error}
      withCancel
      destroyOnHidden
      saveTestId="installation-save"
    >
      <Form.Item name="title" label={t("installations.itemTitle")} rules={[{ required: true }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t("installations.kind")}>
          <Select<InstallationKind>
            className="hd-filter-select"
            aria-label={t("installations.kind")}
            options={INSTALLATION_KINDS.map((k) => ({ value: k, label: t(`installations.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t("installations.status")}>
          <Select<InstallationStatus>
            className="hd-filter-select"
            aria-label={t("installations.status")}
            options={INSTALLATION_STATUSES.map((s) => ({
              value: s,
              label: t(`installations.statuses.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="installedOn" label={t("installations.installedOn")}>
          <DatePicker format="DD/MM/YYYY" aria-label={t("installations.installedOn")} />
        </Form.Item>
      </Space>
      <Form.Item name="address" label={t("installations.address")} rules={[{ required: true }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="district" label={t("installations.district")} rules={[{ required: true }]}>
        <Select<string>
          showSearch={{ optionFilterProp: "label" }}
          aria-label={t("installations.district")}
          options={HAI_PHONG_DISTRICTS.map((d) => ({ value: d.code, label: d.name }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="latitude" label={t("installations.latitude")}>
          <InputNumber<number> min={-90} max={90} step={0.0001} aria-label={t("installations.latitude")} />
        </Form.Item>
        <Form.Item name="longitude" label={t("installations.longitude")}>
          <InputNumber<number> min={-180} max={180} step={0.0001} aria-label={t("installations.longitude")} />
        </Form.Item>
        <Form.Item name="widthM" label={t("installations.widthM")}>
          <InputNumber<number> min={0} max={500} aria-label={t("installations.widthM")} />
        </Form.Item>
        <Form.Item name="heightM" label={t("installations.heightM")}>
          <InputNumber<number> min={0} max={500} aria-label={t("installations.heightM")} />
        </Form.Item>
      </Space>
      <Form.Item name="themes" label={t("installations.themes")} extra={t("installations.themesHint")}>
        <Select<string[]> mode="tags" open={false} aria-label={t("installations.themes")} />
      </Form.Item>
      <Form.Item name="unitId" label={t("installations.unit")}>
        <RemoteSelect<Unit>
          path="/api/units"
          toOption={unitOption}
          allowClear
          initialOption={item?.unitId ? { value: item.unitId, label: item.unitName ?? "" } : null}
          aria-label={t("installations.unit")}
        />
      </Form.Item>
    </FormDrawer>
  );
}
