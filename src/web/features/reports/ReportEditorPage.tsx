import {
  DeleteOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  PlusOutlined,
  SaveOutlined,
} from "@ant-design/icons";
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Collapse,
  DatePicker,
  Form,
  Input,
  Spin,
  Table,
  Tabs,
} from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../api/client";
import { clipAtWord, formatDate, formatPercent } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { REPORT_MANAGERS } from "../follow-up/roles";
import { StatusTag } from "../follow-up/status-labels";
import { MonitoringSectionEditor } from "./MonitoringSectionEditor";
import { fromFormValues, type ReportFormValues, toFormValues } from "./report-form";
import { type ReportModel, reportsApi, type TaskReportItem } from "./reports-api";

function TaskItems({ name, items }: { name: "general" | "specific"; items: TaskReportItem[] }) {
  const { t } = useTranslation();
  return (
    <Collapse
      size="small"
      items={items.map((item, i) => ({
        key: `${item.ref}-${i}`,
        label: (
          <span>
            <span className="hd-strong">{item.ref}</span> {clipAtWord(item.title, 160)}
            {item.status && <StatusTag status={item.status} />}
          </span>
        ),
        children: (
          <>
            <Form.Item name={[name, i, "paragraphs"]} label={t("reports.fields.paragraphs")}>
              <Input.TextArea rows={5} />
            </Form.Item>
            <Form.Item name={[name, i, "evidence"]} label={t("reports.fields.evidence")}>
              <Input.TextArea rows={3} />
            </Form.Item>
            {item.cases && item.cases.length > 0 && (
              <Form.Item name={[name, i, "cases"]} label={t("reports.fields.cases")}>
                <Input.TextArea rows={4} />
              </Form.Item>
            )}
          </>
        ),
      }))}
    />
  );
}

/** Edits a report draft section by section, then exports it as .docx, the .xlsx annex or .pdf. */
export default function ReportEditorPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const [form] = Form.useForm<ReportFormValues>();
  const [saving, setSaving] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);
  const [isDirty, setDirty] = useState(false);
  const report = useApiData(useCallback((signal: AbortSignal) => reportsApi.get(id, signal), [id]));
  const canEdit = hasRole(...REPORT_MANAGERS);
  const model = report.data?.model;

  useEffect(() => {
    if (model) form.setFieldsValue(toFormValues(model));
  }, [model, form]);

  if (report.error) return <Alert type="error" showIcon title={report.error} role="alert" />;
  if (!report.data || !model) return <Spin size="large" className="hd-fullpage-spinner" />;
  const r = report.data;

  const save = async (): Promise<ReportModel | null> => {
    setSaving(true);
    try {
      await form.validateFields();
      // Tabs not opened yet have no mounted fields: read the whole store, not only the mounted fields.
      const values = form.getFieldsValue(true) as ReportFormValues;
      const saved = await reportsApi.update(id, fromFormValues(model, values));
      report.setData(saved);
      setDirty(false);
      message.success(t("reports.saved"));
      return saved.model;
    } catch (err) {
      if (isApiError(err) || err instanceof Error) message.error(err.message);
      return null;
    } finally {
      setSaving(false);
    }
  };

  const exportAs = async (format: "docx" | "xlsx" | "pdf") => {
    if (isDirty && canEdit && !(await save())) return;
    setExporting(format);
    try {
      await reportsApi.export(id, format);
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    } finally {
      setExporting(null);
    }
  };

  const title = t(`reports.kinds.${r.kind}`, { year: r.year });
  const section = (key: string, children: React.ReactNode) => ({
    key,
    label: t(`reports.sections.${key}`),
    children,
  });

  return (
    <>
      <Breadcrumb
        className="hd-mb-s"
        items={[
          { title: <Link to={`/reports?programme=${r.programmeId}`}>{t("nav.reports")}</Link> },
          { title },
        ]}
      />
      <PageHeader
        title={title}
        description={`${model.period.label} · ${t("reports.cutoff")}: ${formatDate(r.cutoffFrom)} – ${formatDate(r.cutoffTo)}`}
        actions={
          <>
            {canEdit && (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={saving}
                onClick={save}
                disabled={!isDirty}
              >
                {t("common.save")}
              </Button>
            )}
            <Button
              icon={<FileWordOutlined />}
              loading={exporting === "docx"}
              onClick={() => exportAs("docx")}
            >
              {t("reports.export.docx")}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              loading={exporting === "xlsx"}
              onClick={() => exportAs("xlsx")}
            >
              {t("reports.export.xlsx")}
            </Button>
            <Button icon={<FilePdfOutlined />} loading={exporting === "pdf"} onClick={() => exportAs("pdf")}>
              {t("reports.export.pdf")}
            </Button>
          </>
        }
      />
      {isDirty && <Alert type="info" showIcon title={t("reports.unsaved")} className="hd-mb" />}
      {r.afterCutoff.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="hd-mb"
          data-testid="after-cutoff"
          title={t("reports.afterCutoff.title", { date: formatDate(r.cutoffTo) })}
          description={
            <ul>
              {r.afterCutoff.map((a) => (
                <li key={`${a.taskId}-${a.confirmedOn}-${a.partyName}`}>
                  <Link to={`/tasks/${a.taskId}?tab=follow-up`}>
                    {t("reports.afterCutoff.task", { ref: a.ref })}
                  </Link>{" "}
                  ({a.partyName}): {t("reports.afterCutoff.item", { on: formatDate(a.confirmedOn) })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Card>
        <Form
          form={form}
          layout="vertical"
          disabled={!canEdit}
          onValuesChange={() => setDirty(true)}
          data-testid="report-form"
        >
          <Tabs
            items={[
              section(
                "summary",
                <>
                  <Form.Item
                    name="summary"
                    label={t("reports.fields.summary")}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <div className="hd-form-row">
                    <Form.Item name="seq" label={t("reports.fields.seq")} extra={t("reports.fields.seqHelp")}>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name="place"
                      label={t("reports.fields.place")}
                      rules={[{ required: true, whitespace: true }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item name="date" label={t("reports.fields.date")} rules={[{ required: true }]}>
                      <DatePicker format="DD/MM/YYYY" />
                    </Form.Item>
                  </div>
                  <Form.Item name="intro" label={t("reports.fields.intro")} extra={t("reports.linesHelp")}>
                    <Input.TextArea rows={6} />
                  </Form.Item>
                  <h3 className="hd-subheading">
                    {t("reports.fields.statistics", { date: formatDate(model.statistics.asOf) })}
                  </h3>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="status"
                    dataSource={[...model.statistics.rows]}
                    className="hd-mb"
                    columns={[
                      {
                        title: t("followUp.status"),
                        key: "s",
                        render: (_, row) => <StatusTag status={row.status} />,
                      },
                      { title: t("reports.fields.count"), dataIndex: "count", key: "count", width: 100 },
                      {
                        title: "%",
                        dataIndex: "percent",
                        key: "percent",
                        width: 80,
                        render: (v: number) => formatPercent(v),
                      },
                    ]}
                  />
                  <Form.Item name="statisticsNote" label={t("reports.fields.statisticsNote")}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                </>,
              ),
              section("monitoring", <MonitoringSectionEditor section={model.monitoring} />),
              section(
                "results",
                <>
                  <h3 className="hd-subheading">{t("programmes.generalTask")}</h3>
                  <TaskItems name="general" items={model.results.general} />
                  <h3 className="hd-subheading hd-mt-s">{t("programmes.specificTask")}</h3>
                  <TaskItems name="specific" items={model.results.specific} />
                </>,
              ),
              section(
                "limitations",
                <>
                  <Form.Item
                    name="limitations"
                    label={t("reports.fields.limitations")}
                    extra={t("reports.linesHelp")}
                  >
                    <Input.TextArea rows={6} />
                  </Form.Item>
                  <Form.Item name="causes" label={t("reports.fields.causes")} extra={t("reports.linesHelp")}>
                    <Input.TextArea rows={6} />
                  </Form.Item>
                </>,
              ),
              section(
                "next",
                <>
                  <Form.Item
                    name="nextTasks"
                    label={t("reports.fields.nextTasks")}
                    extra={t("reports.linesHelp")}
                  >
                    <Input.TextArea rows={8} />
                  </Form.Item>
                  <Form.Item
                    name="proposals"
                    label={t("reports.fields.proposals")}
                    extra={t("reports.linesHelp")}
                  >
                    <Input.TextArea rows={4} />
                  </Form.Item>
                </>,
              ),
              section(
                "signature",
                <>
                  <fieldset className="hd-fieldset">
                    <legend>{t("reports.fields.recipients")}</legend>
                    <Form.List name="recipients">
                      {(fields, { add, remove }) => (
                        <>
                          {fields.map((field) => (
                            <div key={field.key} className="hd-link-row">
                              <Form.Item
                                name={[field.name, "name"]}
                                className="hd-fill"
                                rules={[{ required: true, whitespace: true }]}
                              >
                                <Input
                                  aria-label={t("reports.fields.recipientName")}
                                  placeholder={t("reports.fields.recipientName")}
                                />
                              </Form.Item>
                              <Form.Item name={[field.name, "purpose"]} className="hd-link-kind">
                                <Input
                                  aria-label={t("reports.fields.recipientPurpose")}
                                  placeholder={t("reports.fields.recipientPurpose")}
                                />
                              </Form.Item>
                              <Button
                                type="text"
                                icon={<DeleteOutlined />}
                                onClick={() => remove(field.name)}
                                aria-label={t("reports.fields.removeRecipient")}
                              />
                            </div>
                          ))}
                          <Button icon={<PlusOutlined />} onClick={() => add({ name: "" })}>
                            {t("reports.fields.addRecipient")}
                          </Button>
                        </>
                      )}
                    </Form.List>
                  </fieldset>
                  <div className="hd-form-row">
                    <Form.Item name="onBehalfOf" label={t("reports.fields.onBehalfOf")}>
                      <Input />
                    </Form.Item>
                    <Form.Item name="signFor" label={t("reports.fields.signFor")}>
                      <Input />
                    </Form.Item>
                  </div>
                  <Form.Item
                    name="titleLines"
                    label={t("reports.fields.titleLines")}
                    extra={t("reports.linesHelp")}
                  >
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Form.Item name="signerName" label={t("reports.fields.signerName")}>
                    <Input />
                  </Form.Item>
                </>,
              ),
            ]}
          />
        </Form>
      </Card>
    </>
  );
}
