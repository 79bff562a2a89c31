import { CheckOutlined, DeleteOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Popconfirm, Spin, Tag } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { isApiError } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { DocumentHeaderForm } from "./DocumentHeaderForm";
import { importsApi, isDoubtful } from "./imports-api";
import { ReconciliationPanel } from "./ReconciliationPanel";
import { SourceText } from "./SourceText";
import { TaskReviewCard } from "./TaskReviewCard";
import { scrollToElement, useImportReview } from "./use-import-review";
import { VersionDiff } from "./VersionDiff";
import { WarningsPanel } from "./WarningsPanel";

/** The draft review: the parsed programme beside its source text, warnings first. */
export default function ImportReviewPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const review = useImportReview(id);
  const [busy, setBusy] = useState<"save" | "commit" | "discard" | null>(null);
  const { draft, parsed } = review;
  const isReadOnly = draft?.status !== undefined && draft.status !== "draft";
  const warnings = draft?.warnings ?? parsed?.warnings ?? [];

  const warningsByTask = useMemo(() => {
    const counts = new Map<string, number>();
    for (const w of warnings) if (w.taskRef) counts.set(w.taskRef, (counts.get(w.taskRef) ?? 0) + 1);
    return counts;
  }, [warnings]);

  if (!draft || !parsed) {
    return review.error ? (
      <Alert type="error" showIcon title={review.error} role="alert" />
    ) : (
      <Spin size="large" className="hd-fullpage-spinner" />
    );
  }

  const fail = (err: unknown) => message.error(isApiError(err) ? err.message : t("errors.unexpected"));

  const save = async () => {
    setBusy("save");
    try {
      await review.save();
      message.success(t("imports.saved"));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const undecided = draft.reconciliation.filter((e) => isDoubtful(e) && !review.decisions[e.key]);
  const toCreate = draft.reconciliation.filter((e) => review.decisions[e.key]?.action === "create");

  const commit = () => {
    if (undecided.length > 0) {
      message.warning(t("imports.recon.undecided", { count: undecided.length }));
      scrollToElement("hd-recon-title");
      return;
    }
    modal.confirm({
      title: t("imports.commitTitle"),
      content: (
        <ul className="hd-confirm-list">
          <li>{t("imports.commitTasks", { count: parsed.tasks.length })}</li>
          <li>{t("imports.commitCreates", { count: toCreate.length })}</li>
          {draft.existingProgrammeId && <li>{t("imports.commitNewVersion")}</li>}
        </ul>
      ),
      okText: t("imports.commit"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        setBusy("commit");
        try {
          if (review.isDirty) await review.save();
          const result = await importsApi.commit(id);
          message.success(t("imports.committed", { version: result.version, count: result.counts.tasks }));
          navigate(`/programmes/${result.programmeId}`);
        } catch (err) {
          fail(err);
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const discard = async () => {
    setBusy("discard");
    try {
      await importsApi.discard(id);
      message.success(t("imports.discarded"));
      navigate("/programmes/import");
    } catch (err) {
      fail(err);
      setBusy(null);
    }
  };

  const sections = parsed.sections.filter((s) => parsed.tasks.some((task) => task.section === s.ref));
  const orphans = parsed.tasks.filter((task) => !parsed.sections.some((s) => s.ref === task.section));

  const taskCards = (sectionRef: string | null) =>
    parsed.tasks.map((task, index) =>
      (sectionRef === null ? orphans.includes(task) : task.section === sectionRef) ? (
        <TaskReviewCard
          // biome-ignore lint/suspicious/noArrayIndexKey: refs may repeat while the reviewer edits; the position is the identity.
          key={`${task.ref}-${index}`}
          task={task}
          index={index}
          isSelected={review.selected === index}
          warningCount={warningsByTask.get(task.ref) ?? 0}
          onSelect={review.selectTask}
          onChange={review.updateTask}
          reconciliation={review.reconciliation}
          decisions={review.decisions}
          readOnly={isReadOnly}
        />
      ) : null,
    );

  return (
    <>
      <PageHeader
        title={t("imports.reviewTitle")}
        description={
          <>
            {draft.filename ?? t("imports.pasted")}
            {review.isDirty && (
              <Tag className="hd-ml" color="orange">
                {t("imports.unsaved")}
              </Tag>
            )}
            {isReadOnly && <Tag className="hd-ml">{t(`imports.status.${draft.status}`)}</Tag>}
          </>
        }
        actions={
          !isReadOnly && (
            <>
              <Popconfirm
                title={t("imports.discardConfirm")}
                onConfirm={discard}
                okButtonProps={{ danger: true }}
              >
                <Button danger icon={<DeleteOutlined />} loading={busy === "discard"}>
                  {t("imports.discard")}
                </Button>
              </Popconfirm>
              <Button
                icon={<SaveOutlined />}
                onClick={save}
                loading={busy === "save"}
                disabled={!review.isDirty}
              >
                {t("imports.saveDraft")}
              </Button>
              <Button type="primary" icon={<CheckOutlined />} onClick={commit} loading={busy === "commit"}>
                {t("imports.commit")}
              </Button>
            </>
          )
        }
      />
      <div className="hd-review">
        <div className="hd-review-main">
          <WarningsPanel warnings={warnings} onLine={review.showLines} onTask={review.selectTaskByRef} />
          {draft.existingProgrammeId && (
            <VersionDiff existingProgrammeId={draft.existingProgrammeId} diff={draft.diff} />
          )}
          <Card
            className="hd-mb"
            title={<h2 className="hd-card-title">{t("imports.documentInfo")}</h2>}
            onFocusCapture={(event) => {
              const target = event.target;
              if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
                review.locate(target.value);
              }
            }}
          >
            <DocumentHeaderForm
              value={parsed.document}
              onChange={review.updateDocument}
              readOnly={isReadOnly}
            />
          </Card>
          <Card className="hd-mb">
            <ReconciliationPanel
              entries={draft.reconciliation}
              decisions={review.decisions}
              onDecide={review.decide}
              onTask={review.selectTaskByRef}
              readOnly={isReadOnly}
            />
          </Card>
          <section aria-labelledby="hd-review-tasks">
            <h2 id="hd-review-tasks" className="hd-card-title hd-mb-s">
              {t("imports.tasks", { count: parsed.tasks.length })}
            </h2>
            {sections.map((section) => (
              <section key={section.ref} className="hd-mb" aria-label={`${section.ref}. ${section.heading}`}>
                <h3 className="hd-section-heading">
                  {section.ref}. {section.heading}
                </h3>
                {taskCards(section.ref)}
              </section>
            ))}
            {orphans.length > 0 && taskCards(null)}
          </section>
        </div>
        <aside className="hd-review-source">
          <SourceText lines={draft.extractedText} highlight={review.highlight} />
        </aside>
      </div>
    </>
  );
}
