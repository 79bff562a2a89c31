import { DeleteOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Slider,
  Upload,
  type UploadFile,
} from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { formatDate, toIsoDate } from "../../components/format";
import { applyFieldErrors } from "../../components/server-errors";
import { partyName } from "../programmes/PartyChips";
import type { TaskDetail } from "../programmes/programmes-api";
import {
  type CheckIn,
  type CheckInInput,
  EVIDENCE_KINDS,
  type EvidenceKind,
  followUpApi,
  type LinkInput,
  toUpload,
} from "./follow-up-api";
import { periodKeys, usePeriodLabel } from "./status-labels";

interface Values {
  partyId?: string;
  period: string;
  doneText: string;
  progress: number;
  milestonesReached: string[];
  links: { kind: EvidenceKind; title: string; url?: string; count?: number | null }[];
  difficulties?: string;
  proposals?: string;
  reportedComplete: boolean;
  completedOn?: dayjs.Dayjs | null;
}

/**
 * Progress as a slider and a number that move together (one form field, so one `id`): typing 40 moves
 * the slider to 40, dragging the slider changes the number.
 */
function ProgressInput({
  id,
  value,
  onChange,
  disabled,
  label,
}: {
  id?: string;
  value?: number;
  onChange?: (value: number) => void;
  disabled?: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const sliderLabel = t("followUp.checkIn.progressSlider");
  const current = value ?? 0;
  return (
    <div className="hd-progress-input">
      <Slider
        min={0}
        max={100}
        step={5}
        value={current}
        onChange={(v: number) => onChange?.(v)}
        disabled={disabled}
        className="hd-progress-slider"
        ariaLabelForHandle={sliderLabel}
        data-testid="progress-slider"
      />
      <InputNumber
        id={id}
        min={0}
        max={100}
        value={current}
        onChange={(v) => onChange?.(typeof v === "number" ? Math.min(100, Math.max(0, v)) : 0)}
        suffix="%"
        disabled={disabled}
        aria-label={label}
      />
    </div>
  );
}

/** The period a new check-in most likely reports on: the quarter of the date, inside the programme's year. */
function defaultPeriod(year: number, today = dayjs()): string {
  if (today.year() !== year) return `${year}`;
  return `${year}-Q${Math.floor(today.month() / 3) + 1}`;
}

/**
 * Creates or edits a check-in: what was done, progress or milestones reached, evidence (files and links
 * with their kind), difficulties, proposals, "completed" with its date. Saves as a draft or submits.
 */
export function CheckInDrawer({
  open,
  task,
  programmeYear,
  checkIn,
  canChooseParty,
  onClose,
  onSaved,
}: {
  open: boolean;
  task: TaskDetail;
  /** The programme's year: the reporting periods offered. */
  programmeYear: number;
  /** The draft or returned check-in being edited; null creates one. */
  checkIn: CheckIn | null;
  /** Secretariat and admin report on behalf of any lead or coordinating party. */
  canChooseParty: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const periodLabel = usePeriodLabel();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState<"draft" | "submit" | null>(null);
  const milestones = task.timeframe.milestones ?? [];
  const isComplete = Form.useWatch("reportedComplete", form);
  const parties = [...task.leads, ...task.coordinators].filter((p) => p.personId || p.unitId);

  useEffect(() => {
    if (!open) return;
    setFiles([]);
    form.resetFields();
    form.setFieldsValue(
      checkIn
        ? {
            period: checkIn.period,
            doneText: checkIn.doneText,
            progress: checkIn.progress,
            milestonesReached: checkIn.milestonesReached,
            links: [],
            difficulties: checkIn.difficulties ?? undefined,
            proposals: checkIn.proposals ?? undefined,
            reportedComplete: checkIn.reportedComplete,
            completedOn: checkIn.completedOn ? dayjs(checkIn.completedOn) : null,
          }
        : {
            period: defaultPeriod(programmeYear),
            progress: 0,
            milestonesReached: [],
            links: [],
            reportedComplete: false,
          },
    );
  }, [open, checkIn, form, programmeYear]);

  const save = async (mode: "draft" | "submit") => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch (err) {
      // Say what is missing and bring the first missing field into view: the button must not seem dead.
      const first = (err as { errorFields?: { name: (string | number)[]; errors: string[] }[] })
        .errorFields?.[0];
      if (first) {
        form.scrollToField(first.name, { behavior: "smooth", block: "center", focus: true });
        message.error(t("followUp.checkIn.fixErrors", { error: first.errors[0] ?? "" }));
      }
      return;
    }
    setSaving(mode);
    try {
      const input: CheckInInput = {
        period: values.period,
        doneText: values.doneText.trim(),
        progress: values.reportedComplete ? 100 : values.progress,
        milestonesReached: values.milestonesReached ?? [],
        difficulties: values.difficulties?.trim() || null,
        proposals: values.proposals?.trim() || null,
        reportedComplete: values.reportedComplete,
        completedOn: values.reportedComplete ? toIsoDate(values.completedOn) : null,
      };
      const links: LinkInput[] = (values.links ?? []).map((l) => ({
        kind: l.kind,
        title: l.title.trim(),
        ...(l.url?.trim() && { url: l.url.trim() }),
        ...(l.count != null && { count: l.count }),
      }));
      let id: string;
      if (checkIn) {
        id = (await followUpApi.updateCheckIn(checkIn.id, input)).id;
        for (const link of links) await followUpApi.addEvidence(id, link);
      } else {
        id = (
          await followUpApi.createCheckIn(task.id, {
            ...input,
            ...(values.partyId && { partyId: values.partyId }),
            links,
          })
        ).id;
      }
      for (const file of files) {
        if (file.originFileObj) await followUpApi.addEvidence(id, await toUpload(file.originFileObj));
      }
      if (mode === "submit") await followUpApi.submit(id);
      message.success(t(mode === "submit" ? "followUp.checkIn.submitted" : "followUp.checkIn.savedDraft"));
      onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(isApiError(err) ? err.message : String(err));
    } finally {
      setSaving(null);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={t(checkIn ? "followUp.checkIn.editTitle" : "followUp.checkIn.newTitle", { ref: task.ref })}
      footer={
        <div className="hd-row-end">
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button loading={saving === "draft"} disabled={saving !== null} onClick={() => save("draft")}>
            {t("followUp.checkIn.saveDraft")}
          </Button>
          <Button
            type="primary"
            loading={saving === "submit"}
            disabled={saving !== null}
            onClick={() => save("submit")}
          >
            {t("followUp.checkIn.submit")}
          </Button>
        </div>
      }
    >
      <Form form={form} layout="vertical" requiredMark="optional" data-testid="check-in-form">
        {canChooseParty && !checkIn && parties.length > 0 && (
          <Form.Item
            name="partyId"
            label={t("followUp.checkIn.party")}
            extra={t("followUp.checkIn.partyHelp")}
          >
            <Select
              allowClear
              options={parties.map((p) => ({
                value: p.personId ?? p.unitId ?? "",
                label: `${partyName(p)} — ${t(`programmes.roles.${p.role}`)}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="period" label={t("followUp.checkIn.period")} rules={[{ required: true }]}>
          <Select
            options={periodKeys(programmeYear).map((key) => ({ value: key, label: periodLabel(key) }))}
          />
        </Form.Item>
        <Form.Item
          name="doneText"
          label={t("followUp.checkIn.doneText")}
          rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
        >
          <Input.TextArea rows={5} maxLength={20_000} />
        </Form.Item>
        {milestones.length > 0 ? (
          <Form.Item name="milestonesReached" label={t("followUp.checkIn.milestonesReached")}>
            <Checkbox.Group
              options={milestones.map((m) => ({
                value: m.due,
                label: `${formatDate(m.due)}${m.label ? ` — ${m.label}` : ""}`,
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="progress" label={t("followUp.checkIn.progress")} required>
          <ProgressInput disabled={isComplete} label={t("followUp.checkIn.progress")} />
        </Form.Item>
        {/* "Completed" and its required date sit right under the progress, not below the fold. */}
        <Form.Item name="reportedComplete" valuePropName="checked">
          <Checkbox>{t("followUp.checkIn.reportedComplete")}</Checkbox>
        </Form.Item>
        {isComplete && (
          <Form.Item
            name="completedOn"
            label={t("followUp.checkIn.completedOn")}
            rules={[{ required: true, message: t("followUp.checkIn.completedOnRequired") }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        )}
        <fieldset className="hd-fieldset">
          <legend>{t("followUp.checkIn.evidence")}</legend>
          <Upload
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />}>{t("followUp.checkIn.addFiles")}</Button>
          </Upload>
          <Form.List name="links">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <div key={field.key} className="hd-link-row">
                    <Form.Item
                      name={[field.name, "kind"]}
                      rules={[{ required: true }]}
                      className="hd-link-kind"
                    >
                      <Select
                        aria-label={t("followUp.checkIn.linkKind")}
                        options={EVIDENCE_KINDS.map((k) => ({
                          value: k,
                          label: t(`followUp.evidenceKinds.${k}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "title"]}
                      rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
                      className="hd-fill"
                    >
                      <Input
                        placeholder={t("followUp.checkIn.linkTitle")}
                        aria-label={t("followUp.checkIn.linkTitle")}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, "url"]} rules={[{ type: "url" }]} className="hd-fill">
                      <Input placeholder="https://…" aria-label={t("followUp.checkIn.linkUrl")} />
                    </Form.Item>
                    <Form.Item name={[field.name, "count"]} className="hd-link-count">
                      <InputNumber
                        min={0}
                        placeholder={t("followUp.checkIn.count")}
                        aria-label={t("followUp.checkIn.count")}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t("followUp.checkIn.removeLink")}
                    />
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: "article" })} className="hd-mt-s">
                  {t("followUp.checkIn.addLink")}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
        <Form.Item name="difficulties" label={t("followUp.checkIn.difficulties")}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="proposals" label={t("followUp.checkIn.proposals")}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
