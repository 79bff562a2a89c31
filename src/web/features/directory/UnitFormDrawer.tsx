import { Alert, App, Button, Divider, Drawer, Form, Input, Select, Space, Spin, Switch } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { UNIT_TYPES, type Unit, type UnitType } from "../../api/types";
import { RemoteSelect } from "../../components/RemoteSelect";
import { applyFieldErrors } from "../../components/server-errors";
import { useApiData } from "../../components/use-api-data";
import { directoryApi, unitOption } from "./directory-api";
import { NameHistory } from "./NameHistory";

interface UnitForm {
  name: string;
  shortName?: string;
  type: UnitType;
  parentId?: string | null;
  isActive: boolean;
}

/** Create (unitId = null) or edit a unit; editing also shows the unit's earlier names. */
export function UnitFormDrawer({
  open,
  unitId,
  readOnly,
  onClose,
  onSaved,
}: {
  open: boolean;
  unitId: string | null;
  readOnly: boolean;
  onClose(): void;
  onSaved(unit: Unit): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback((signal: AbortSignal) => directoryApi.getUnit(unitId ?? "", signal), [unitId]);
  const detail = useApiData(open && unitId ? load : null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (detail.data && unitId) {
      form.setFieldsValue({
        name: detail.data.name,
        shortName: detail.data.shortName ?? undefined,
        type: detail.data.type,
        parentId: detail.data.parentId,
        isActive: detail.data.isActive,
      });
    }
  }, [open, unitId, detail.data, form]);

  const onFinish = async (values: UnitForm) => {
    setSaving(true);
    setError(null);
    const input = {
      name: values.name.trim(),
      shortName: values.shortName?.trim() || null,
      type: values.type,
      parentId: values.parentId ?? null,
      isActive: values.isActive,
    };
    try {
      const saved = unitId
        ? await directoryApi.updateUnit(unitId, input)
        : await directoryApi.createUnit(input);
      message.success(unitId ? t("directory.units.updated") : t("directory.units.created"));
      onSaved(saved);
    } catch (err) {
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
      applyFieldErrors(form, err);
    } finally {
      setSaving(false);
    }
  };

  const title = !unitId
    ? t("directory.units.create")
    : readOnly
      ? t("directory.units.view")
      : t("directory.units.edit");
  const parent = detail.data?.parentId
    ? { value: detail.data.parentId, label: detail.data.parentName ?? detail.data.parentId }
    : null;

  return (
    <Drawer open={open} onClose={onClose} title={title} size={560} destroyOnHidden>
      {unitId && detail.loading && !detail.data ? (
        <Spin />
      ) : (
        <>
          {(error ?? detail.error) && (
            <Alert type="error" showIcon title={error ?? detail.error} className="hd-mb" role="alert" />
          )}
          <Form<UnitForm>
            form={form}
            layout="vertical"
            onFinish={onFinish}
            disabled={readOnly}
            initialValues={{ isActive: true, type: "department" }}
          >
            <Form.Item
              name="name"
              label={t("directory.units.name")}
              rules={[
                { required: true, whitespace: true, message: t("validation.required") },
                { max: 300, message: t("validation.maxLength", { max: 300 }) },
              ]}
            >
              <Input autoFocus />
            </Form.Item>
            <Form.Item
              name="shortName"
              label={t("directory.units.shortName")}
              rules={[{ max: 100, message: t("validation.maxLength", { max: 100 }) }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="type" label={t("directory.units.type")} rules={[{ required: true }]}>
              <Select options={UNIT_TYPES.map((type) => ({ value: type, label: t(`unitTypes.${type}`) }))} />
            </Form.Item>
            <Form.Item name="parentId" label={t("directory.units.parent")}>
              <RemoteSelect<Unit>
                path="/api/units"
                toOption={unitOption}
                initialOption={parent}
                excludeIds={unitId ? [unitId] : []}
                placeholder={t("directory.units.parentPlaceholder")}
              />
            </Form.Item>
            <Form.Item name="isActive" label={t("directory.active")} valuePropName="checked">
              <Switch />
            </Form.Item>
            {!readOnly && (
              <Space>
                <Button type="primary" htmlType="submit" loading={saving}>
                  {t("common.save")}
                </Button>
                <Button onClick={onClose}>{t("common.cancel")}</Button>
              </Space>
            )}
          </Form>
          {unitId && detail.data && (
            <>
              <Divider />
              <NameHistory history={detail.data.nameHistory ?? []} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
