/** Display helpers shared by the programme and import screens. */
import type { PartyRole, TimeframeKind } from "../imports/parsed-programme";

/** Tag colours of the three roles: directing (chỉ đạo), lead (chủ trì), coordinator (phối hợp). */
export const ROLE_COLORS: Record<PartyRole, string> = {
  directing: "purple",
  lead: "blue",
  coordinator: "cyan",
};

/** Short chip labels' i18n keys, e.g. "Chỉ đạo" / "Chủ trì" / "Phối hợp". */
export const roleKey = (role: PartyRole) => `programmes.roles.${role}`;
export const roleLongKey = (role: PartyRole) => `programmes.rolesLong.${role}`;
export const timeframeKindKey = (kind: TimeframeKind | string) => `programmes.timeframeKinds.${kind}`;
export const partyKindKey = (kind: string) => `programmes.partyKinds.${kind}`;
