import { WarningFilled } from "@ant-design/icons";
import { Alert, Button, List } from "antd";
import { useTranslation } from "react-i18next";
import { localMessage } from "./imports-api";
import type { ParseWarning } from "./parsed-programme";

/** The parser's doubts, shown before anything else; each jumps to its source line or task. */
export function WarningsPanel({
  warnings,
  onLine,
  onTask,
}: {
  warnings: ParseWarning[];
  onLine(line: number): void;
  onTask(ref: string): void;
}) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) {
    return <Alert type="success" showIcon title={t("imports.noWarnings")} className="hd-mb" />;
  }
  return (
    <section className="hd-warnings hd-mb" aria-labelledby="hd-warnings-title" data-testid="import-warnings">
      <h2 id="hd-warnings-title" className="hd-card-title hd-warnings-title">
        <WarningFilled aria-hidden /> {t("imports.warnings", { count: warnings.length })}
      </h2>
      <List
        size="small"
        dataSource={warnings}
        renderItem={(warning, index) => (
          <List.Item
            key={`${warning.code}-${index}`}
            actions={[
              warning.taskRef ? (
                <Button key="task" size="small" type="link" onClick={() => onTask(warning.taskRef ?? "")}>
                  {t("imports.goToTask", { ref: warning.taskRef })}
                </Button>
              ) : null,
              typeof warning.line === "number" ? (
                <Button key="line" size="small" type="link" onClick={() => onLine(warning.line ?? 1)}>
                  {t("imports.goToLine", { line: warning.line })}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <span className="hd-warning-text">{localMessage(warning.message, i18n.language)}</span>
          </List.Item>
        )}
      />
    </section>
  );
}
