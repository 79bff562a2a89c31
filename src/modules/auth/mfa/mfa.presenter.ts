/** Second-factor rows → API shapes (never a secret, a public key or a hash). */
import type { PasskeyDto } from "../../../shared/api/mfa.js";
import type { PasskeyTable } from "./mfa.tables.js";

export const presentPasskey = (p: PasskeyTable): PasskeyDto => ({
  id: p.id,
  name: p.name,
  createdAt: p.created_at,
  lastUsedAt: p.last_used_at,
  deviceType: p.device_type,
  isBackedUp: p.backed_up === 1,
});
