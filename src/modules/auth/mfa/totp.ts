/** TOTP (RFC 6238) through otplib: 6 digits, 30-second steps, one step of clock drift either way. */
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

const PERIOD = 30;
/** Seconds of drift accepted either way (one step). */
const TOLERANCE = PERIOD;

export const newTotpSecret = (): string => generateSecret();

export function otpauthUri(input: { secret: string; accountName: string; issuer: string }): string {
  return generateURI({ issuer: input.issuer, label: input.accountName, secret: input.secret });
}

export function qrCodeDataUrl(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1 }).then(
    (svg) => `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  );
}

/** The time step a code matches (within the tolerance), or null. */
export async function matchTotp(secret: string, code: string, now = Date.now()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE,
    epoch: Math.floor(now / 1000),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
