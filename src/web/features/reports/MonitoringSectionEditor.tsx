import { Alert, Form, Input, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { MonitoringSection } from "./reports-api";

interface CoverageRow {
  key: number;
  label: string;
  count: number | null;
}

/**
 * The report's media-monitoring section: its heading, paragraphs and case lines are edited as text;
 * the coverage table is shown as drafted (it comes from the monitoring figures of the period).
 */
export function MonitoringSectionEditor({ section }: { section: MonitoringSection | null | undefined }) {
  const { t } = useTranslation();
  if (!section) return <Alert type="info" showIcon title={t("reports.fields.noMonitoringSection")} />;
  const rows: CoverageRow[] = (section.table?.rows ?? []).map((r, i) => ({ key: i, ...r }));
  return (
    <>
      <Form.Item
        name="monitoringHeading"
        label={t("reports.fields.monitoringHeading")}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="monitoringParagraphs"
        label={t("reports.fields.monitoringParagraphs")}
        extra={t("reports.linesHelp")}
      >
        <Input.TextArea rows={8} />
      </Form.Item>
      <Form.Item name="monitoringBullets" label={t("reports.fields.monitoringBullets")}>
        <Input.TextArea rows={4} />
      </Form.Item>
      {section.table && (
        <>
          <h3 className="hd-subheading">{t("reports.fields.coverage")}</h3>
          <Table<CoverageRow>
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="report-coverage-table"
            columns={[
              {
                title: t("reports.fields.coverageItem"),
                key: "label",
                render: (_, r) => (r.count === null ? <strong>{r.label}</strong> : r.label),
              },
              {
                title: t("reports.fields.coverageCount"),
                key: "count",
                width: 120,
                render: (_, r) => r.count ?? "",
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t("reports.fields.coverageTotal")}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1}>
                  <strong>{section.table?.total}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </>
      )}
    </>
  );
}
