import { Alert, Button, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** The recovery codes, shown once right after they are made. */
export function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Alert type="warning" showIcon title={t("mfa.recoveryTitle")} description={t("mfa.recoveryHint")} />
      <Typography.Paragraph copyable={{ text: codes.join("\n") }}>
        <ol className="hd-recovery-codes" data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code}>
              <Typography.Text code>{code}</Typography.Text>
            </li>
          ))}
        </ol>
      </Typography.Paragraph>
      <Button type="primary" onClick={onDone}>
        {t("mfa.recoveryDone")}
      </Button>
    </Space>
  );
}
