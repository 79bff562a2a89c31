import { Alert, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** Shows a temporary password exactly once; it cannot be displayed again after closing. */
export function TemporaryPasswordModal({
  value,
  onClose,
}: {
  value: { email: string; password: string } | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={value !== null}
      title={t("users.temporaryPasswordTitle")}
      onOk={onClose}
      onCancel={onClose}
      okText={t("users.temporaryPasswordDone")}
      cancelButtonProps={{ hidden: true }}
      destroyOnHidden
    >
      {value && (
        <>
          <Typography.Paragraph>
            {t("users.temporaryPasswordFor", { email: value.email })}
          </Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text
              code
              copyable={{ text: value.password }}
              className="hd-temp-password"
              data-testid="temporary-password"
            >
              {value.password}
            </Typography.Text>
          </Typography.Paragraph>
          <Alert type="warning" showIcon title={t("users.temporaryPasswordOnce")} />
        </>
      )}
    </Modal>
  );
}
