import {
  CheckOutlined,
  EditOutlined,
  HistoryOutlined,
  LinkOutlined,
  PaperClipOutlined,
  RollbackOutlined,
  SendOutlined,
  UndoOutlined,
} from "@ant-design/icons";
import { App, Button, Descriptions, Form, Input, Modal, Progress, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { formatDate, formatDateTime } from "../../components/format";
import { RoleChip } from "../programmes/PartyChips";
import { type CheckIn, type CheckInVersion, followUpApi } from "./follow-up-api";
import { CheckInStateTag, usePeriodLabel } from "./status-labels";

/** Size in KB/MB for evidence files. */
const sizeText = (size: number | null) =>
  size === null
    ? ""
    : size < 1024 * 1024
      ? `${Math.ceil(size / 1024)} KB`
      : `${(size / 1048576).toFixed(1).replace(".", ",")} MB`;

function EvidenceList({ checkIn }: { checkIn: CheckIn }) {
  const { t } = useTranslation();
  if (checkIn.evidence.length === 0) return <span className="hd-muted">—</span>;
  return (
    <ul className="hd-evidence">
      {checkIn.evidence.map((e) => (
        <li key={e.id}>
          {e.file ? <PaperClipOutlined aria-hidden /> : <LinkOutlined aria-hidden />}{" "}
          <Tag>{t(`followUp.evidenceKinds.${e.kind}`)}</Tag>
          {e.file?.downloadUrl ? (
            // Served as an attachment with the sniffed type; the server checks who may download.
            <a href={e.file.downloadUrl} download={e.file.name ?? e.title} data-testid="evidence-download">
              {e.title}
            </a>
          ) : e.url ? (
            <a href={e.url} target="_blank" rel="noreferrer noopener">
              {e.title}
            </a>
          ) : (
            <span>{e.title}</span>
          )}
          {e.count !== null && <span className="hd-muted"> — {e.count}</span>}
          {e.file && <span className="hd-muted"> ({sizeText(e.file.size)})</span>}
        </li>
      ))}
    </ul>
  );
}

/** One check-in: its state, content, evidence, the author's and the secretariat's actions, its versions. */
export function CheckInCard({
  checkIn,
  isAuthor,
  canConfirm,
  onEdit,
  onChanged,
}: {
  checkIn: CheckIn;
  /** The caller wrote it (or is secretariat/admin): may edit and submit a draft or returned check-in. */
  isAuthor: boolean;
  canConfirm: boolean;
  onEdit(checkIn: CheckIn): void;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const periodLabel = usePeriodLabel();
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [commentForm] = Form.useForm<{ comment?: string }>();
  const [versions, setVersions] = useState<CheckInVersion[] | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const c = checkIn;
  const isEditable = c.state === "draft" || c.state === "returned";

  const act = async (action: string, run: () => Promise<unknown>) => {
    setBusy(action);
    try {
      await run();
      message.success(t(`followUp.checkIn.done.${action}`));
      onChanged();
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const submitReturn = async () => {
    const { reason } = await reasonForm.validateFields();
    setReturning(false);
    await act("return", () => followUpApi.returnCheckIn(c.id, reason.trim()));
    reasonForm.resetFields();
  };

  const submitConfirm = async () => {
    const { comment } = await commentForm.validateFields();
    setConfirming(false);
    await act("confirm", () => followUpApi.confirm(c.id, comment?.trim() || undefined));
    commentForm.resetFields();
    setVersions(null);
  };

  const toggleVersions = async () => {
    if (versions) return setVersions(null);
    try {
      setVersions((await followUpApi.checkIn(c.id)).versions);
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  return (
    <article
      className="hd-check-in"
      data-testid="check-in"
      data-state={c.state}
      aria-label={periodLabel(c.period)}
    >
      <header className="hd-check-in-head">
        <span className="hd-strong">{periodLabel(c.period)}</span>
        <CheckInStateTag state={c.state} />
        <RoleChip role={c.role} />
        <span>{c.party.name}</span>
        <span className="hd-muted hd-ml">
          {t("followUp.checkIn.versionN", { version: c.version })} · {formatDateTime(c.updatedAt)}
        </span>
      </header>
      {c.state === "returned" && c.returnReason && (
        <Typography.Paragraph type="danger" className="hd-mb-s">
          {t("followUp.checkIn.returnReason")}: {c.returnReason}
        </Typography.Paragraph>
      )}
      <Progress percent={c.progress} size="small" className="hd-check-in-progress" />
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: "done",
            label: t("followUp.checkIn.doneText"),
            children: <span className="hd-pre">{c.doneText}</span>,
          },
          ...(c.milestonesReached.length
            ? [
                {
                  key: "ms",
                  label: t("followUp.checkIn.milestonesReached"),
                  children: c.milestonesReached.map(formatDate).join("; "),
                },
              ]
            : []),
          { key: "evidence", label: t("followUp.checkIn.evidence"), children: <EvidenceList checkIn={c} /> },
          ...(c.difficulties
            ? [{ key: "diff", label: t("followUp.checkIn.difficulties"), children: c.difficulties }]
            : []),
          ...(c.proposals
            ? [{ key: "prop", label: t("followUp.checkIn.proposals"), children: c.proposals }]
            : []),
          ...(c.reportedComplete
            ? [
                {
                  key: "complete",
                  label: t("followUp.checkIn.reportedComplete"),
                  children: formatDate(c.completedOn) || t("common.yes"),
                },
              ]
            : []),
        ]}
      />
      <div className="hd-check-in-actions">
        {isAuthor && isEditable && (
          <>
            <Button icon={<EditOutlined />} onClick={() => onEdit(c)}>
              {t("common.edit")}
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={busy === "submit"}
              onClick={() => act("submit", () => followUpApi.submit(c.id))}
            >
              {t("followUp.checkIn.submit")}
            </Button>
          </>
        )}
        {canConfirm && c.state === "submitted" && (
          <>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={busy === "confirm"}
              onClick={() => setConfirming(true)}
            >
              {t("followUp.checkIn.confirm")}
            </Button>
            <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
              {t("followUp.checkIn.return")}
            </Button>
          </>
        )}
        {canConfirm && c.state === "confirmed" && (
          <Button
            icon={<UndoOutlined />}
            loading={busy === "reopen"}
            onClick={() => act("reopen", () => followUpApi.reopen(c.id))}
          >
            {t("followUp.checkIn.reopen")}
          </Button>
        )}
        <Button
          type="text"
          icon={<HistoryOutlined />}
          onClick={toggleVersions}
          aria-expanded={Boolean(versions)}
        >
          {t("followUp.checkIn.versions")}
        </Button>
      </div>
      {versions && (
        <Timeline
          className="hd-mt-s"
          items={versions.map((v) => ({
            key: `${v.version}-${v.savedAt}`,
            content: (
              <span>
                {t("followUp.checkIn.versionN", { version: v.version })} · {t(`followUp.actions.${v.action}`)}{" "}
                · <CheckInStateTag state={v.state} /> {formatDateTime(v.savedAt)}
                {v.note && (
                  <span className="hd-version-note" data-testid="version-note">
                    {" "}
                    — {t(v.action === "confirm" ? "followUp.checkIn.comment" : "followUp.checkIn.reason")}:{" "}
                    {v.note}
                  </span>
                )}
              </span>
            ),
          }))}
        />
      )}
      <Modal
        open={confirming}
        title={t("followUp.checkIn.confirmTitle")}
        okText={t("followUp.checkIn.confirm")}
        onOk={submitConfirm}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t("followUp.checkIn.confirmHelp")}</Typography.Paragraph>
        <Form form={commentForm} layout="vertical">
          <Form.Item name="comment" label={t("followUp.checkIn.confirmComment")}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={returning}
        title={t("followUp.checkIn.returnTitle")}
        okText={t("followUp.checkIn.return")}
        okButtonProps={{ danger: true }}
        onOk={submitReturn}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form form={reasonForm} layout="vertical">
          <Form.Item
            name="reason"
            label={t("followUp.checkIn.returnReason")}
            rules={[{ required: true, whitespace: true, message: t("followUp.checkIn.reasonRequired") }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </article>
  );
}
