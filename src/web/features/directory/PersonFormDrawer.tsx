import {
  Alert,
  App,
  AutoComplete,
  Button,
  Col,
  Divider,
  Drawer,
  Form,
  Input,
  Row,
  Space,
  Spin,
  Switch,
} from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import type { Person, Unit } from "../../api/types";
import { RemoteSelect } from "../../components/RemoteSelect";
import { applyFieldErrors } from "../../components/server-errors";
import { useApiData } from "../../components/use-api-data";
import { directoryApi, unitOption } from "./directory-api";
import { NameHistory } from "./NameHistory";

interface PersonForm {
  honorific?: string;
  fullName: string;
  position?: string;
  unitId?: string | null;
  email?: string;
  phone?: string;
  isActive: boolean;
}

const HONORIFICS = ["Đồng chí", "Ông", "Bà", "Mr.", "Ms."];

/** Create (personId = null) or edit a person; editing also shows earlier names. */
export function PersonFormDrawer({
  open,
  personId,
  readOnly,
  onClose,
  onSaved,
}: {
  open: boolean;
  personId: string | null;
  readOnly: boolean;
  onClose(): void;
  onSaved(person: Person): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    (signal: AbortSignal) => directoryApi.getPerson(personId ?? "", signal),
    [personId],
  );
  const detail = useApiData(open && personId ? load : null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    const person = detail.data;
    if (person && personId) {
      form.setFieldsValue({
        honorific: person.honorific ?? undefined,
        fullName: person.fullName,
        position: person.position ?? undefined,
        unitId: person.unitId,
        email: person.email ?? undefined,
        phone: person.phone ?? undefined,
        isActive: person.isActive,
      });
    }
  }, [open, personId, detail.data, form]);

  const onFinish = async (values: PersonForm) => {
    setSaving(true);
    setError(null);
    const blankToNull = (value: string | undefined) => value?.trim() || null;
    const input = {
      fullName: values.fullName.trim(),
      honorific: blankToNull(values.honorific),
      position: blankToNull(values.position),
      unitId: values.unitId ?? null,
      email: blankToNull(values.email),
      phone: blankToNull(values.phone),
      isActive: values.isActive,
    };
    try {
      const saved = personId
        ? await directoryApi.updatePerson(personId, input)
        : await directoryApi.createPerson(input);
      message.success(personId ? t("directory.people.updated") : t("directory.people.created"));
      onSaved(saved);
    } catch (err) {
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
      applyFieldErrors(form, err);
    } finally {
      setSaving(false);
    }
  };

  const title = !personId
    ? t("directory.people.create")
    : readOnly
      ? t("directory.people.view")
      : t("directory.people.edit");
  const unit = detail.data?.unitId
    ? { value: detail.data.unitId, label: detail.data.unitName ?? detail.data.unitId }
    : null;

  return (
    <Drawer open={open} onClose={onClose} title={title} size={560} destroyOnHidden>
      {personId && detail.loading && !detail.data ? (
        <Spin />
      ) : (
        <>
          {(error ?? detail.error) && (
            <Alert type="error" showIcon title={error ?? detail.error} className="hd-mb" role="alert" />
          )}
          {detail.data?.mergedIntoId && (
            <Alert type="info" showIcon title={t("directory.people.mergedNotice")} className="hd-mb" />
          )}
          <Form<PersonForm>
            form={form}
            layout="vertical"
            onFinish={onFinish}
            disabled={readOnly}
            initialValues={{ isActive: true }}
          >
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="honorific" label={t("directory.people.honorific")}>
                  <AutoComplete options={HONORIFICS.map((value) => ({ value }))} />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item
                  name="fullName"
                  label={t("directory.people.fullName")}
                  rules={[
                    { required: true, whitespace: true, message: t("validation.required") },
                    { max: 200, message: t("validation.maxLength", { max: 200 }) },
                  ]}
                >
                  <Input autoFocus />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="position" label={t("directory.people.position")}>
              <Input placeholder={t("directory.people.positionPlaceholder")} />
            </Form.Item>
            <Form.Item name="unitId" label={t("directory.people.unit")}>
              <RemoteSelect<Unit>
                path="/api/units"
                toOption={unitOption}
                initialOption={unit}
                placeholder={t("directory.people.unitPlaceholder")}
              />
            </Form.Item>
            <Form.Item
              name="email"
              label={t("directory.people.email")}
              rules={[{ type: "email", message: t("validation.email") }]}
            >
              <Input type="email" autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t("directory.people.phone")}
              rules={[{ pattern: /^[0-9+().\s-]{6,20}$/, message: t("validation.phone") }]}
            >
              <Input type="tel" autoComplete="off" />
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
          {personId && detail.data && (
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
