import { Button, Collapse, Table } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useApiData } from "../../components/use-api-data";
import { monitoringApi, type SyntaxRule } from "./monitoring-api";

const loadSyntax = (signal: AbortSignal) => monitoringApi.syntax(signal);

/** Examples that run as they are (one per rule of the server's query parser). */
const EXAMPLES = [
  "cang hai phong",
  '"cảng Lạch Huyện"',
  "du lịch OR tourism",
  "hải phòng NOT bóng đá",
  "(cát bà OR đồ sơn) AND du lịch",
  "NEAR(cảng container, 5)",
  "hai phong lang:en tone:negative",
  "hai phong date:2024-01-01..2024-06-30",
];

/**
 * The search language, as the server's parser reads it (`search/query-parser.ts`), with the server's own
 * rule list (`GET /api/monitoring/search/syntax`) and examples that fill the query box.
 */
export function SearchSyntaxHelp({ onExample }: { onExample: (query: string) => void }) {
  const { t, i18n } = useTranslation();
  const { data } = useApiData(useCallback(loadSyntax, []));
  const rules = data?.rules ?? [];
  const notes = t("monitoring.search.syntaxNotes", { returnObjects: true }) as unknown;
  return (
    <Collapse
      className="hd-mb hd-mon-syntax"
      defaultActiveKey={[]}
      items={[
        {
          key: "syntax",
          label: t("monitoring.search.syntaxTitle"),
          children: (
            <div data-testid="search-syntax">
              <Table<SyntaxRule>
                rowKey="syntax"
                size="small"
                pagination={false}
                dataSource={rules}
                aria-label={t("monitoring.search.syntaxTitle")}
                columns={[
                  {
                    title: t("monitoring.search.syntax"),
                    key: "syntax",
                    render: (_, rule) => <code>{rule.syntax}</code>,
                  },
                  {
                    title: t("monitoring.search.meaning"),
                    key: "meaning",
                    render: (_, rule) => (i18n.language === "en" ? rule.en : rule.vi),
                  },
                ]}
              />
              {Array.isArray(notes) && (
                <ul className="hd-mt-s">
                  {notes.map((note) => (
                    <li key={String(note)}>{String(note)}</li>
                  ))}
                </ul>
              )}
              <p className="hd-strong hd-mt-s">{t("monitoring.search.examples")}</p>
              <div className="hd-tag-wrap">
                {EXAMPLES.map((example) => (
                  <Button key={example} size="small" onClick={() => onExample(example)}>
                    <code>{example}</code>
                  </Button>
                ))}
              </div>
            </div>
          ),
        },
      ]}
    />
  );
}
