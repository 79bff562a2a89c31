import { Alert, Button, Drawer, Form, type FormInstance, Space } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A register entry's create/edit drawer: the title, "Lưu" (and "Hủy" where asked) in the header, the
 * save error above the form, and the vertical form itself; the fields are the children.
 */
export function FormDrawer<V>({
  open,
  onClose,
  title,
  size,
  form,
  onFinish,
  saving,
  error,
  withCancel = false,
  destroyOnHidden = false,
  requiredMark,
  saveTestId,
  children,
}: {
  open: boolean;
  onClose(): void;
  title: string;
  size: number;
  form: FormInstance<V>;
  onFinish(values: V): void;
  saving: boolean;
  error: string | null;
  withCancel?: boolean;
  destroyOnHidden?: boolean;
  requiredMark?: "optional";
  saveTestId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const save = (
    <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid={saveTestId}>
      {t("common.save")}
    </Button>
  );
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      title={title}
      destroyOnHidden={destroyOnHidden}
      extra={
        withCancel ? (
          <Space>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            {save}
          </Space>
        ) : (
          save
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} className="hd-mb" />}
      <Form<V> form={form} layout="vertical" onFinish={onFinish} requiredMark={requiredMark}>
        {children}
      </Form>
    </Drawer>
  );
}
