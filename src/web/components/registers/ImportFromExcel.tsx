import { DownloadOutlined, InboxOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { RegisterImportBody, RegisterImportResultSchema } from "../../../shared/api/delegations";
import { api, isApiError } from "../../api/client";
import { fileToBase64 } from "./file-base64";
import { downloadTemplate, type ImportTemplate } from "./import-template";

type ImportResult = z.infer<typeof RegisterImportResultSchema>;

/** One failed row of the server's report (`import_rows_invalid` details). */
export interface ImportProblem {
  key: string;
  row: number | null;
  column: string | null;
  message: string;
}

/**
 * The server reports each problem as `{ path: "row 7 / Mã quốc gia", message: "Dòng 7, cột …: …" }`;
 * the row and column get their own columns and the message loses the repeated prefix.
 */
export function problemsOf(details: readonly { path: string; message: string }[]): ImportProblem[] {
  return details.map((d, i) => {
    const m = /^row (\d+)(?: \/ (.+))?$/.exec(d.path);
    return {
      key: `${i}`,
      row: m ? Number(m[1]) : null,
      column: m?.[2] ?? null,
      message: d.message.replace(/^(Dòng|Row) \d+(, (cột|column) "[^"]*")?: /, ""),
    };
  });
}

type Outcome =
  | { kind: "done"; file: string; imported: number }
  | { kind: "rows"; file: string; title: string; problems: ImportProblem[] }
  | { kind: "failed"; file: string; title: string };

/**
 * "Nhập từ Excel" of a register: download the blank template, upload the filled workbook, and read the
 * server's answer — the number of rows imported, or every failed row with its column and reason (then
 * nothing was stored: the server writes all rows in one transaction or none).
 */
export function ImportFromExcel({
  path,
  template,
  title,
  onImported,
}: {
  /** The register's import route, e.g. "/api/delegations/import". */
  path: string;
  template: ImportTemplate;
  /** What is imported, e.g. "đoàn ra, đoàn vào" (the dialog's title). */
  title: string;
  onImported(count: number): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const body: z.input<typeof RegisterImportBody> = {
        filename: file.name,
        contentBase64: await fileToBase64(file),
      };
      const res = await api.post<ImportResult>(path, body);
      setOutcome({ kind: "done", file: file.name, imported: res.imported });
      onImported(res.imported);
    } catch (err) {
      if (isApiError(err) && err.code === "import_rows_invalid" && err.details.length > 0)
        setOutcome({ kind: "rows", file: file.name, title: err.message, problems: problemsOf(err.details) });
      else
        setOutcome({ kind: "failed", file: file.name, title: isApiError(err) ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const getTemplate = async () => {
    setTemplateError(null);
    try {
      await downloadTemplate(template);
    } catch (err) {
      setTemplateError(String(err));
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {t("registers.import.button")}
      </Button>
      <Modal
        open={open}
        title={t("registers.import.title", { what: title })}
        width={760}
        onCancel={() => {
          setOpen(false);
          setOutcome(null);
        }}
        footer={
          <Button
            onClick={() => {
              setOpen(false);
              setOutcome(null);
            }}
          >
            {t("registers.import.close")}
          </Button>
        }
        destroyOnHidden
      >
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <div>
            <Typography.Paragraph>{t("registers.import.step1")}</Typography.Paragraph>
            <Button icon={<DownloadOutlined />} onClick={getTemplate}>
              {t("registers.import.template")}
            </Button>
            <Typography.Paragraph type="secondary" className="hd-mt-s">
              {t("registers.import.columns")}{" "}
              {template.columns.map((c, i) => (
                <span key={c.header}>
                  {i > 0 && ", "}
                  {c.required ? <strong>{c.header}*</strong> : c.header}
                </span>
              ))}
            </Typography.Paragraph>
            {templateError && <Alert type="error" showIcon title={templateError} />}
          </div>
          <div>
            <Typography.Paragraph>{t("registers.import.step2")}</Typography.Paragraph>
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">
                {busy ? t("registers.import.busy") : t("registers.import.drop")}
              </p>
              <p className="ant-upload-hint">{t("registers.import.hint")}</p>
            </Upload.Dragger>
          </div>
          {outcome?.kind === "done" && (
            <Alert
              type="success"
              showIcon
              data-testid="import-result"
              title={t("registers.import.done", { count: outcome.imported, file: outcome.file })}
            />
          )}
          {outcome?.kind === "failed" && (
            <Alert
              type="error"
              showIcon
              data-testid="import-result"
              title={outcome.title}
              description={t("registers.import.nothingStored", { file: outcome.file })}
            />
          )}
          {outcome?.kind === "rows" && (
            <>
              <Alert
                type="error"
                showIcon
                data-testid="import-result"
                title={outcome.title}
                description={t("registers.import.rowsFailed", {
                  count: new Set(outcome.problems.map((p) => p.row)).size,
                  file: outcome.file,
                })}
              />
              <Table<ImportProblem>
                data-testid="import-problems"
                size="small"
                rowKey="key"
                dataSource={outcome.problems}
                pagination={outcome.problems.length > 10 ? { pageSize: 10 } : false}
                columns={[
                  { key: "row", title: t("registers.import.row"), dataIndex: "row", width: 70 },
                  {
                    key: "column",
                    title: t("registers.import.column"),
                    width: 200,
                    render: (_, p) => p.column ?? "—",
                  },
                  { key: "message", title: t("registers.import.reason"), dataIndex: "message" },
                ]}
              />
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}
