import { KeyOutlined } from "@ant-design/icons";
import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { mfaApi, type SignedIn } from "./mfa-api";

/** "Đăng nhập bằng khóa truy cập": a passkey with user verification stands for password and code. */
export function PasskeySignInButton(props: {
  onSignedIn: (state: SignedIn) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  if (!browserSupportsWebAuthn()) return null;

  const signIn = async () => {
    setBusy(true);
    try {
      props.onSignedIn(await mfaApi.signInWithPasskey());
    } catch (err) {
      if (isApiError(err)) props.onError(err.message);
      else if (err instanceof Error && err.name === "NotAllowedError")
        props.onError(t("mfa.passkeys.cancelled"));
      else props.onError(err instanceof Error ? err.message : t("errors.unexpected"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      icon={<KeyOutlined aria-hidden />}
      block
      size="large"
      className="hd-mt-s"
      loading={busy}
      onClick={() => void signIn()}
    >
      {t("mfa.passkeys.signIn")}
    </Button>
  );
}
