import { ScanOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Progress, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import { type OcrRunDto, ocrApi } from "./ocr-api";

/** How often the page asks how far the OCR has come. */
const POLL_MS = 1000;

/**
 * A scan being read by OCR: pages done of total, a cancel button; opens the draft for review when done.
 * The OCR runs on the server as a job, so leaving the page does not stop it.
 */
export function OcrProgress({ run: initial, onClose }: { run: OcrRunDto; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [run, setRun] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const active = run.status === "queued" || run.status === "running";

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    const timer = setInterval(() => {
      ocrApi
        .get(run.id, controller.signal)
        .then(setRun)
        .catch((err: unknown) => {
          if (!controller.signal.aborted) setError(isApiError(err) ? err.message : t("errors.unexpected"));
        });
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [active, run.id, t]);

  useEffect(() => {
    if (run.status === "done" && run.draftId) navigate(`/programmes/import/${run.draftId}`);
  }, [run.status, run.draftId, navigate]);

  const cancel = async () => {
    setCancelling(true);
    try {
      setRun(await ocrApi.cancel(run.id));
    } catch (err) {
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
    } finally {
      setCancelling(false);
    }
  };

  const percent = run.pagesTotal > 0 ? Math.round((run.pagesDone / run.pagesTotal) * 100) : 0;
  return (
    <Card
      className="hd-mb"
      data-testid="ocr-progress"
      title={
        <Space>
          <ScanOutlined aria-hidden />
          <span>{t("imports.ocr.title", { name: run.filename })}</span>
        </Space>
      }
    >
      <Typography.Paragraph>{t(`imports.ocr.status.${run.status}`)}</Typography.Paragraph>
      <div role="status" aria-live="polite">
        <Progress
          percent={percent}
          status={run.status === "failed" ? "exception" : active ? "active" : "normal"}
          aria-label={t("imports.ocr.progressLabel")}
        />
        <Typography.Text data-testid="ocr-pages">
          {t("imports.ocr.pages", { done: run.pagesDone, total: run.pagesTotal })}
        </Typography.Text>
      </div>
      {run.error && (
        <Alert
          type="error"
          showIcon
          className="hd-mt"
          title={i18n.language === "en" ? run.error.en : run.error.vi}
          role="alert"
        />
      )}
      {error && <Alert type="error" showIcon className="hd-mt" title={error} role="alert" />}
      <div className="hd-row-end">
        {active ? (
          <Button danger loading={cancelling} onClick={cancel}>
            {t("imports.ocr.cancel")}
          </Button>
        ) : (
          <Button onClick={onClose}>{t("imports.ocr.close")}</Button>
        )}
      </div>
    </Card>
  );
}
