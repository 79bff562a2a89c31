import {
  CheckCircleFilled,
  ExclamationCircleFilled,
  PlusCircleFilled,
  TeamOutlined,
} from "@ant-design/icons";
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { Decision, ReconciliationEntry } from "./imports-api";

/** What will happen to one name on commit: linked ✓, created, kept as text, or still to decide. */
export function ReconciliationBadge({
  entry,
  decision,
}: {
  entry: ReconciliationEntry | undefined;
  decision: Decision | undefined;
}) {
  const { t } = useTranslation();
  if (!entry) {
    return (
      <Tooltip title={t("imports.recon.uncheckedHelp")}>
        <Tag>{t("imports.recon.unchecked")}</Tag>
      </Tooltip>
    );
  }
  if (entry.kind === "group") {
    return (
      <Tag icon={<TeamOutlined aria-hidden />} variant="outlined">
        {t("imports.recon.group")}
      </Tag>
    );
  }
  const isDoubtful = entry.status === "near_match" || entry.status === "ambiguous";
  if (decision?.action === "link") {
    const target = entry.candidates.find((c) => c.id === decision.id);
    return (
      <Tag color="success" icon={<CheckCircleFilled aria-hidden />}>
        {t("imports.recon.linkedTo", { name: target?.name ?? entry.name })}
      </Tag>
    );
  }
  if (decision?.action === "create") {
    return (
      <Tag color="processing" icon={<PlusCircleFilled aria-hidden />}>
        {t(entry.kind === "person" ? "imports.recon.newPerson" : "imports.recon.newUnit")}
      </Tag>
    );
  }
  if (isDoubtful && !decision) {
    return (
      <Tag color="warning" icon={<ExclamationCircleFilled aria-hidden />}>
        {t("imports.recon.toDecide")}
      </Tag>
    );
  }
  return <Tag>{t("imports.recon.keepText")}</Tag>;
}
