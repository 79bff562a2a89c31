import { FileTextOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Input, Row, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { ACCEPTED_EXTENSIONS, fileToBase64, type ImportInput, importsApi } from "./imports-api";
import { OcrProgress } from "./OcrProgress";
import { OpenDrafts } from "./OpenDrafts";
import { type OcrRunDto, ocrApi } from "./ocr-api";

/** Max upload size the browser accepts before sending (the server has its own limit). */
const MAX_BYTES = 20 * 1024 * 1024;

/** "Nhập chương trình": a document file or pasted text becomes a draft for review. */
export default function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState<"file" | "text" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ocrRun, setOcrRun] = useState<OcrRunDto | null>(null);

  const submit = async (input: ImportInput, kind: "file" | "text") => {
    setBusy(kind);
    setError(null);
    try {
      const draft = await importsApi.create(input);
      navigate(`/programmes/import/${draft.id}`);
    } catch (err) {
      // A scan has no text to read: send it for OCR, which runs as a job and reports its pages.
      if (isApiError(err) && err.code === "import_pdf_needs_ocr" && "contentBase64" in input) {
        try {
          setOcrRun(await ocrApi.start(input));
        } catch (ocrErr) {
          setError(isApiError(ocrErr) ? ocrErr.message : t("errors.unexpected"));
        }
        return;
      }
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
    } finally {
      setBusy(null);
    }
  };

  const onFile = async (file: File) => {
    const extension = file.name.slice(file.name.lastIndexOf(".")).toLowerCase();
    if (!ACCEPTED_EXTENSIONS.includes(extension)) {
      setError(t("imports.unsupportedFile", { name: file.name }));
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(t("imports.fileTooLarge", { name: file.name }));
      return;
    }
    await submit({ filename: file.name, contentBase64: await fileToBase64(file) }, "file");
  };

  return (
    <>
      <PageHeader title={t("imports.title")} description={t("imports.description")} />
      {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
      {ocrRun && <OcrProgress run={ocrRun} onClose={() => setOcrRun(null)} />}
      <OpenDrafts />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="hd-card-title">{t("imports.fromFile")}</h2>} className="hd-fill">
            <Upload.Dragger
              accept={ACCEPTED_EXTENSIONS.join(",")}
              multiple={false}
              showUploadList={false}
              disabled={busy !== null || ocrRun?.status === "queued" || ocrRun?.status === "running"}
              beforeUpload={(file) => {
                void onFile(file);
                return false;
              }}
              aria-label={t("imports.dropLabel")}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">
                {busy === "file" ? t("imports.reading") : t("imports.dropHere")}
              </p>
              <p className="ant-upload-hint">{t("imports.dropHint")}</p>
            </Upload.Dragger>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="hd-card-title">{t("imports.fromText")}</h2>} className="hd-fill">
            <label htmlFor="hd-import-text" className="hd-block-label hd-mb-s">
              {t("imports.pasteLabel")}
            </label>
            <Input.TextArea
              id="hd-import-text"
              value={text}
              onChange={(event) => setText(event.target.value)}
              rows={14}
              placeholder={t("imports.pastePlaceholder")}
            />
            <div className="hd-row-end">
              <Typography.Text type="secondary">
                {t("imports.lineCount", { count: text ? text.split("\n").length : 0 })}
              </Typography.Text>
              <Button
                type="primary"
                icon={<FileTextOutlined />}
                disabled={!text.trim() || busy !== null}
                loading={busy === "text"}
                onClick={() => submit({ text }, "text")}
              >
                {t("imports.analyse")}
              </Button>
            </div>
          </Card>
        </Col>
      </Row>
    </>
  );
}
