import { Form, Modal } from "antd";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** A small form in a dialog that adds one item to a partner (contact, agreement, activity, exchange). */
export function PartnerItemModal<V extends object>(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (values: V) => Promise<void>;
  children: ReactNode;
  initialValues?: Partial<V>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={props.initialValues}
        onFinish={async (values) => {
          setSaving(true);
          try {
            await props.onSubmit(values);
          } finally {
            setSaving(false);
          }
        }}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
