import { ApartmentOutlined, TeamOutlined, UserOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { PartyKind, PartyRole } from "../imports/parsed-programme";
import { ROLE_COLORS, roleKey } from "./labels";
import type { TaskParty } from "./programmes-api";

export const KIND_ICONS: Record<PartyKind, React.ReactNode> = {
  person: <UserOutlined aria-hidden />,
  unit: <ApartmentOutlined aria-hidden />,
  group: <TeamOutlined aria-hidden />,
};

/** A role chip: "Chỉ đạo" / "Chủ trì" / "Phối hợp". */
export function RoleChip({ role }: { role: PartyRole }) {
  const { t } = useTranslation();
  return (
    <Tag color={ROLE_COLORS[role]} className="hd-role-chip">
      {t(roleKey(role))}
    </Tag>
  );
}

/** The display name of a party: the directory's name when linked, else as written, plus its qualifier. */
export const partyName = (p: TaskParty) =>
  [p.personName ?? p.unitName ?? p.name, p.qualifier].filter(Boolean).join(" ");

/** A compact list of one role's parties, for table cells. */
export function PartyList({ parties, max = 4 }: { parties: TaskParty[]; max?: number }) {
  const { t } = useTranslation();
  if (parties.length === 0) return <span className="hd-muted">—</span>;
  const shown = parties.slice(0, max);
  return (
    <span className="hd-party-list">
      {shown.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list; a name may appear twice with different scopes.
        <span key={`${p.name}-${i}`} className="hd-party-item">
          {KIND_ICONS[p.kind]} {partyName(p)}
        </span>
      ))}
      {parties.length > max && (
        <span className="hd-muted">{t("programmes.andMore", { count: parties.length - max })}</span>
      )}
    </span>
  );
}
