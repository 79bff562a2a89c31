import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Input, Select, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { partyKindKey, roleLongKey } from "../programmes/labels";
import type { Decisions, ReconciliationEntry } from "./imports-api";
import { type Party, type PartyKind, type PartyRole, partyKey } from "./parsed-programme";
import { ReconciliationBadge } from "./ReconciliationBadge";

const KINDS: PartyKind[] = ["person", "unit", "group"];

/** Add, remove and edit the parties of one role of a task (name, kind, qualifier). */
export function PartiesEditor({
  role,
  parties,
  onChange,
  reconciliation,
  decisions,
  readOnly,
}: {
  role: PartyRole;
  parties: Party[];
  onChange(parties: Party[]): void;
  reconciliation: Map<string, ReconciliationEntry>;
  decisions: Decisions;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const roleLabel = t(roleLongKey(role));
  const update = (index: number, patch: Partial<Party>) =>
    onChange(parties.map((p, i) => (i === index ? { ...p, ...patch } : p)));

  return (
    <fieldset className="hd-parties">
      <legend className="hd-field-label">{roleLabel}</legend>
      {parties.length === 0 && <div className="hd-muted hd-mb-s">{t("imports.noParties")}</div>}
      {parties.map((party, index) => {
        const key = partyKey(party);
        const position = `${roleLabel} ${index + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: parties have no id; the row is its position.
          <div className="hd-party-row" key={index}>
            <Select<PartyKind>
              value={party.kind}
              onChange={(kind) => update(index, { kind })}
              options={KINDS.map((kind) => ({ value: kind, label: t(partyKindKey(kind)) }))}
              aria-label={`${t("imports.partyKind")} — ${position}`}
              className="hd-party-kind"
              disabled={readOnly}
            />
            <Input
              value={party.name}
              onChange={(event) => update(index, { name: event.target.value })}
              aria-label={`${t("imports.partyName")} — ${position}`}
              className="hd-party-name"
              disabled={readOnly}
            />
            <Input
              value={party.qualifier ?? ""}
              onChange={(event) => update(index, { qualifier: event.target.value || null })}
              placeholder={t("imports.qualifier")}
              aria-label={`${t("imports.qualifier")} — ${position}`}
              className="hd-party-qualifier"
              disabled={readOnly}
            />
            <ReconciliationBadge entry={reconciliation.get(key)} decision={decisions[key]} />
            {!readOnly && (
              <Tooltip title={t("imports.removeParty")}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t("imports.removeParty")}: ${party.name || position}`}
                  onClick={() => onChange(parties.filter((_, i) => i !== index))}
                />
              </Tooltip>
            )}
          </div>
        );
      })}
      {!readOnly && (
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => onChange([...parties, { name: "", kind: role === "directing" ? "person" : "unit" }])}
        >
          {t("imports.addParty", { role: roleLabel.toLowerCase() })}
        </Button>
      )}
    </fieldset>
  );
}
