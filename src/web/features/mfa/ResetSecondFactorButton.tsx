import { SafetyCertificateOutlined } from "@ant-design/icons";
import { App, Button, Popconfirm, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { mfaApi } from "./mfa-api";

/** An administrator clears an account's second factor (lost phone); its sessions end. */
export function ResetSecondFactorButton({ userId, displayName }: { userId: string; displayName: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reset = async () => {
    try {
      await mfaApi.resetForUser(userId);
      message.success(t("mfa.resetDone"));
    } catch (err) {
      message.error(isApiError(err) ? err.message : t("errors.unexpected"));
    }
  };
  return (
    <Popconfirm
      title={t("mfa.resetConfirm")}
      okText={t("mfa.resetUser")}
      cancelText={t("common.cancel")}
      onConfirm={() => reset()}
    >
      <Tooltip title={t("mfa.resetUser")}>
        <Button
          type="text"
          icon={<SafetyCertificateOutlined />}
          aria-label={`${t("mfa.resetUser")}: ${displayName}`}
        />
      </Tooltip>
    </Popconfirm>
  );
}
