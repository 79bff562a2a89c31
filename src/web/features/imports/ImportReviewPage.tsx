import { CheckOutlined, DeleteOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Popconfirm, Spin, Tag } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { isApiError } from "../../api/client";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { DocumentHeaderForm } from "./DocumentHeaderForm";
import { type ImportDraft, importsApi, isDoubtful, type VersionPlan } from "./imports-api";
import { ReconciliationPanel } from "./ReconciliationPanel";
import { SourceText } from "./SourceText";
import { TaskReviewCard } from "./TaskReviewCard";
import { scrollToElement, useImportReview } from "./use-import-review";
import { useOcrConfidence } from "./use-ocr-confidence";
import { VersionDiff } from "./VersionDiff";
import { VersionMatchPanel } from "./VersionMatchPanel";
import { WarningsPanel } from "./WarningsPanel";

/** The draft review: the parsed programme beside its source text, warnings first. */
export default function ImportReviewPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const review = useImportReview(id);
  const doubtful = useOcrConfidence(id, review.draft?.sourceType);
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

  /** What will happen to the follow-up data, in plain words, before a new version is committed. */
  const followUpLines = (plan: VersionPlan) => {
    const date = formatDate(plan.effectiveFrom);
    const carried = plan.summary.kept + plan.summary.changed;
    return (
      <>
        <li>{t("imports.commitNewVersion")}</li>
        <li className="hd-strong">{t("imports.versionPlan.confirmHeading")}</li>
        {carried > 0 && (
          <li>{t("imports.versionPlan.confirmCarried", { count: carried, ...plan.carriedFollowUp })}</li>
        )}
        {plan.summary.changed > 0 && (
          <li>{t("imports.versionPlan.confirmChanged", { count: plan.summary.changed, date })}</li>
        )}
        {plan.summary.new > 0 && (
          <li>{t("imports.versionPlan.confirmNew", { count: plan.summary.new, date })}</li>
        )}
        {plan.summary.removed > 0 && (
          <li>
            {t("imports.versionPlan.confirmRemoved", {
              count: plan.summary.removed,
              date,
              checkIns: plan.removedFollowUp.checkIns,
            })}
          </li>
        )}
        <li>{t("imports.versionPlan.confirmNothingLost")}</li>
      </>
    );
  };

  const commit = async () => {
    if (undecided.length > 0) {
      message.warning(t("imports.recon.undecided", { count: undecided.length }));
      scrollToElement("hd-recon-title");
      return;
    }
    // Unsaved matches change what the dialog must say: save first, then describe the saved plan.
    let current: ImportDraft = draft;
    if (review.isDirty) {
      setBusy("save");
      try {
        current = (await review.save()) ?? draft;
      } catch (err) {
        fail(err);
        return;
      } finally {
        setBusy(null);
      }
    }
    const plan = current.version;
    modal.confirm({
      title: t("imports.commitTitle"),
      width: plan ? 640 : undefined,
      content: (
        <ul className="hd-confirm-list" data-testid="commit-summary">
          <li>{t("imports.commitTasks", { count: parsed.tasks.length })}</li>
          <li>{t("imports.commitCreates", { count: toCreate.length })}</li>
          {plan
            ? followUpLines(plan)
            : current.existingProgrammeId && <li>{t("imports.commitNewVersion")}</li>}
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
          if (result.carried.tasks > 0)
            message.info(t("imports.versionPlan.committed", { count: result.carried.tasks }));
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
          {draft.version && (
            <VersionMatchPanel
              plan={draft.version}
              tasks={parsed.tasks}
              choices={review.version}
              onMatch={review.matchTask}
              onEffectiveFrom={review.setEffectiveFrom}
              readOnly={isReadOnly}
            />
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
          <SourceText lines={draft.extractedText} highlight={review.highlight} doubtful={doubtful} />
        </aside>
      </div>
    </>
  );
}
