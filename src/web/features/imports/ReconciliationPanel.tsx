import { Alert, Button, Collapse, Radio, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ROLE_COLORS, roleKey } from "../programmes/labels";
import { type Decision, type Decisions, isDoubtful, type ReconciliationEntry } from "./imports-api";
import { ReconciliationBadge } from "./ReconciliationBadge";

const encode = (decision: Decision | undefined) =>
  decision ? (decision.action === "link" ? `link:${decision.id}` : decision.action) : undefined;
const decode = (value: string): Decision =>
  value.startsWith("link:")
    ? { action: "link", id: value.slice(5) }
    : value === "create"
      ? { action: "create" }
      : { action: "keep_text" };

function EntryRow({
  entry,
  decision,
  onDecide,
  onTask,
  readOnly,
}: {
  entry: ReconciliationEntry;
  decision: Decision | undefined;
  onDecide(key: string, decision: Decision): void;
  onTask(ref: string): void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const refs = [...new Map(entry.occurrences.map((o) => [`${o.taskRef}:${o.role}`, o])).values()];
  return (
    <div className="hd-recon-entry" data-testid={`recon-${entry.key}`}>
      <div className="hd-recon-name">
        <Typography.Text strong>{entry.name}</Typography.Text>
        <Tag>{t(`programmes.partyKinds.${entry.kind}`)}</Tag>
        <ReconciliationBadge entry={entry} decision={decision} />
      </div>
      <div className="hd-recon-refs">
        {refs.map((o) => (
          <Button
            key={`${o.taskRef}:${o.role}`}
            size="small"
            type="link"
            onClick={() => onTask(o.taskRef)}
            className="hd-recon-ref"
          >
            {o.taskRef} <Tag color={ROLE_COLORS[o.role]}>{t(roleKey(o.role))}</Tag>
          </Button>
        ))}
      </div>
      <Radio.Group
        value={encode(decision)}
        onChange={(event) => onDecide(entry.key, decode(String(event.target.value)))}
        disabled={readOnly}
        aria-label={t("imports.recon.decisionFor", { name: entry.name })}
      >
        <Space orientation="vertical" size={2}>
          {entry.candidates.map((c) => (
            <Radio key={c.id} value={`link:${c.id}`}>
              {t("imports.recon.linkTo", { name: c.name })}
              {c.distance > 0 && (
                <span className="hd-muted"> ({t("imports.recon.distance", { count: c.distance })})</span>
              )}
            </Radio>
          ))}
          <Radio value="create">
            {t(entry.kind === "person" ? "imports.recon.createPerson" : "imports.recon.createUnit")}
          </Radio>
          <Radio value="keep_text">{t("imports.recon.keepTextOption")}</Radio>
        </Space>
      </Radio.Group>
    </div>
  );
}

/** Name reconciliation against the directory: near matches first, then new names, then exact links. */
export function ReconciliationPanel({
  entries,
  decisions,
  onDecide,
  onTask,
  readOnly,
}: {
  entries: ReconciliationEntry[];
  decisions: Decisions;
  onDecide(key: string, decision: Decision): void;
  onTask(ref: string): void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const named = entries.filter((e) => e.kind !== "group");
  const doubtful = named.filter(isDoubtful);
  const fresh = named.filter((e) => e.status === "new");
  const exact = named.filter((e) => e.status === "exact");
  const undecided = doubtful.filter((e) => !decisions[e.key]).length;
  const row = (entry: ReconciliationEntry) => (
    <EntryRow
      key={entry.key}
      entry={entry}
      decision={decisions[entry.key]}
      onDecide={onDecide}
      onTask={onTask}
      readOnly={readOnly}
    />
  );

  return (
    <section aria-labelledby="hd-recon-title" className="hd-mb">
      <h2 id="hd-recon-title" className="hd-card-title hd-mb-s">
        {t("imports.recon.title")}
      </h2>
      {undecided > 0 && (
        <Alert
          type="warning"
          showIcon
          className="hd-mb-s"
          title={t("imports.recon.undecided", { count: undecided })}
        />
      )}
      {doubtful.map(row)}
      <Collapse
        size="small"
        items={[
          {
            key: "new",
            label: t("imports.recon.newNames", { count: fresh.length }),
            children: fresh.length ? fresh.map(row) : t("imports.recon.none"),
          },
          {
            key: "exact",
            label: t("imports.recon.exactNames", { count: exact.length }),
            children: exact.length ? exact.map(row) : t("imports.recon.none"),
          },
        ]}
      />
    </section>
  );
}
