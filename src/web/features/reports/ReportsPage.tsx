import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Modal,
  Radio,
  Segmented,
  Table,
  Tag,
} from "antd";
import dayjs from "dayjs";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import { formatDate, formatDateTime, toIsoDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { applyFieldErrors } from "../../components/server-errors";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { ProgrammeToolbar } from "../follow-up/ProgrammeToolbar";
import { REPORT_MANAGERS } from "../follow-up/roles";
import { useProgrammeChoice } from "../follow-up/use-programme-choice";
import { AllReportsList } from "./AllReportsList";
import {
  type DocumentFormat,
  defaultCutoffs,
  type ReportKind,
  type ReportSummary,
  reportsApi,
} from "./reports-api";

type Scope = "programme" | "all";

interface CreateValues {
  kind: ReportKind;
  year: number;
  format: DocumentFormat;
  cutoff: [dayjs.Dayjs, dayjs.Dayjs];
}

const cutoffRange = (kind: ReportKind, year: number): [dayjs.Dayjs, dayjs.Dayjs] => {
  const c = defaultCutoffs(kind, year);
  return [dayjs(c.from), dayjs(c.to)];
};

/**
 * "Báo cáo": the chosen programme's report drafts (create a semi-annual or annual draft there), or
 * with `?scope=all` the drafts of every programme.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const choice = useProgrammeChoice();
  const { programme } = choice;
  const scope: Scope = choice.params.get("scope") === "all" ? "all" : "programme";
  const setScope = (next: Scope) => {
    const params = new URLSearchParams(choice.params);
    if (next === "all") params.set("scope", "all");
    else params.delete("scope");
    choice.setParams(params);
  };
  const programmeId = programme?.id;
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<CreateValues>();
  const load = useCallback(
    (signal: AbortSignal) => reportsApi.list(programmeId ?? "", signal),
    [programmeId],
  );
  const reports = useApiData(programmeId && scope === "programme" ? load : null);
  const year = Number(programme?.period?.start.slice(0, 4)) || dayjs().year();

  const open = () => {
    form.setFieldsValue({
      kind: "semiannual",
      year,
      format: programme?.system === "state" ? "state" : "party",
      cutoff: cutoffRange("semiannual", year),
    });
    setCreating(true);
  };

  const onValuesChange = (changed: Partial<CreateValues>, all: CreateValues) => {
    if (("kind" in changed || "year" in changed) && all.kind && all.year) {
      form.setFieldValue("cutoff", cutoffRange(all.kind, all.year));
    }
  };

  const create = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const report = await reportsApi.create(programmeId ?? "", {
        kind: values.kind,
        year: values.year,
        format: values.format,
        cutoffFrom: toIsoDate(values.cutoff[0]) ?? undefined,
        cutoffTo: toIsoDate(values.cutoff[1]) ?? undefined,
      });
      message.success(t("reports.created"));
      setCreating(false);
      navigate(`/reports/${report.id}`);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(isApiError(err) ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t("nav.reports")}
        description={t("reports.description")}
        actions={
          hasRole(...REPORT_MANAGERS) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={open} disabled={!programmeId}>
              {t("reports.create")}
            </Button>
          )
        }
      />
      <Segmented<Scope>
        value={scope}
        onChange={setScope}
        className="hd-mb"
        options={(["programme", "all"] as const).map((s) => ({ value: s, label: t(`reports.scope.${s}`) }))}
        data-testid="reports-scope"
      />
      {scope === "all" ? (
        <AllReportsList programmes={choice.programmes} />
      ) : (
        <>
          <ProgrammeToolbar
            programmes={choice.programmes}
            programme={programme}
            onProgramme={choice.choose}
          />
          {(choice.error || reports.error) && (
            <Alert
              type="error"
              showIcon
              title={choice.error ?? reports.error}
              className="hd-mb"
              role="alert"
            />
          )}
          <Card>
            <Table<ReportSummary>
              rowKey="id"
              loading={reports.loading}
              dataSource={reports.data ?? []}
              pagination={false}
              data-testid="reports-table"
              columns={[
                {
                  title: t("reports.kind"),
                  key: "kind",
                  render: (_, r) => (
                    <Link to={`/reports/${r.id}`}>{t(`reports.kinds.${r.kind}`, { year: r.year })}</Link>
                  ),
                },
                {
                  title: t("reports.format"),
                  key: "format",
                  render: (_, r) => t(`reports.formats.${r.format}`),
                },
                {
                  title: t("reports.cutoff"),
                  key: "cutoff",
                  render: (_, r) => `${formatDate(r.cutoffFrom)} – ${formatDate(r.cutoffTo)}`,
                },
                {
                  title: t("reports.status"),
                  key: "status",
                  render: (_, r) => <Tag>{t(`reports.statuses.${r.status}`, r.status)}</Tag>,
                },
                {
                  title: t("common.updatedAt"),
                  key: "updatedAt",
                  render: (_, r) => formatDateTime(r.updatedAt),
                },
              ]}
            />
          </Card>
        </>
      )}
      <Modal
        open={creating}
        title={t("reports.createTitle")}
        okText={t("reports.createOk")}
        confirmLoading={saving}
        onOk={create}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onValuesChange={onValuesChange} data-testid="report-create-form">
          <Form.Item name="kind" label={t("reports.kind")} rules={[{ required: true }]}>
            <Radio.Group
              options={(["semiannual", "annual"] as const).map((k) => ({
                value: k,
                label: t(`reports.kindNames.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="year" label={t("reports.year")} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="format" label={t("reports.format")} rules={[{ required: true }]}>
            <Radio.Group
              options={(["party", "state"] as const).map((f) => ({
                value: f,
                label: t(`reports.formats.${f}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="cutoff"
            label={t("reports.cutoff")}
            extra={t("reports.cutoffHelp")}
            rules={[{ required: true }]}
          >
            <DatePicker.RangePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
