import { DeleteOutlined, LinkOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, DatePicker, Drawer, Form, Input, Select, Skeleton, Space } from "antd";
import dayjs from "dayjs";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../api/client";
import type { Person, Unit } from "../../api/types";
import { formatDateTime, toIsoDate } from "../../components/format";
import { RemoteSelect } from "../../components/RemoteSelect";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { personOption, unitOption } from "../directory/directory-api";
import { CaseRebuttals } from "./CaseRebuttals";
import {
  ASSESSMENTS,
  type Assessment,
  CASE_ACTIONS,
  CASE_STATES,
  type CaseActionKind,
  type CaseState,
  monitoringApi,
  type ResponseCase,
} from "./monitoring-api";
import { CASE_OPENERS, CaseStateTag } from "./monitoring-labels";
import { TaskSelect } from "./TaskSelect";

interface Values {
  title: string;
  assessment: Assessment;
  state: CaseState;
  assigneePersonId?: string | null;
  assigneeUnitId?: string | null;
  deadline?: dayjs.Dayjs | null;
  taskId?: string | null;
  outcome?: string;
  actions: { kind: CaseActionKind; note?: string; at?: string }[];
  evidence: { url: string; title?: string }[];
}

const toValues = (c: ResponseCase): Values => ({
  title: c.title,
  assessment: c.assessment,
  state: c.state,
  assigneePersonId: c.assigneePersonId,
  assigneeUnitId: c.assigneeUnitId,
  deadline: c.deadline ? dayjs(c.deadline) : null,
  taskId: c.taskId,
  outcome: c.outcome ?? "",
  actions: c.actions,
  evidence: c.evidence,
});

/** A case in detail: assessment, assignee, deadline, actions taken, evidence, outcome, linked task, state. */
export function CaseDrawer({
  caseId,
  names,
  onClose,
  onSaved,
}: {
  caseId: string;
  names: (kind: "person" | "unit", id: string | null) => string | null;
  onClose: () => void;
  onSaved: (c: ResponseCase) => void;
}) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const canAssign = hasRole(...CASE_OPENERS);
  const load = useCallback((signal: AbortSignal) => monitoringApi.case(caseId, signal), [caseId]);
  const loaded = useApiData(load);
  const c = loaded.data;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    if (!c) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await monitoringApi.updateCase(c.id, {
        version: c.version,
        title: values.title.trim(),
        state: values.state,
        deadline: toIsoDate(values.deadline),
        taskId: values.taskId ?? null,
        outcome: values.outcome?.trim() ? values.outcome.trim() : null,
        actions: values.actions.map((a) => ({
          kind: a.kind,
          note: a.note?.trim() ?? "",
          ...(a.at && { at: a.at }),
        })),
        evidence: values.evidence.map((e) => ({ url: e.url.trim(), title: e.title?.trim() ?? "" })),
        // Members work the case but do not reassign or reassess it (the server refuses).
        ...(canAssign && {
          assessment: values.assessment,
          assigneePersonId: values.assigneePersonId ?? null,
          assigneeUnitId: values.assigneeUnitId ?? null,
        }),
      });
      loaded.setData(saved);
      onSaved(saved);
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
      if (isApiError(err) && err.status === 409) loaded.reload();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={c ? c.title : t("monitoring.cases.case")}
      footer={
        <div className="hd-row-end">
          <Button onClick={onClose}>{t("common.close")}</Button>
          <Button
            type="primary"
            loading={saving}
            disabled={!c}
            onClick={() => form.submit()}
            data-testid="case-save"
          >
            {t("common.save")}
          </Button>
        </div>
      }
    >
      {(error || loaded.error) && (
        <Alert type="error" showIcon title={error ?? loaded.error} className="hd-mb" role="alert" />
      )}
      {!c ? (
        <Skeleton active />
      ) : (
        <Form<Values>
          key={`${c.id}-${c.version}`}
          form={form}
          layout="vertical"
          initialValues={toValues(c)}
          onFinish={submit}
          data-testid="case-form"
        >
          <Space wrap className="hd-mb">
            <CaseStateTag state={c.state} />
            {c.itemId && (
              <Link to={`/monitoring/items/${c.itemId}`}>
                <LinkOutlined aria-hidden /> {t("monitoring.cases.item")}
              </Link>
            )}
            {c.storyId && (
              <Link to={`/monitoring/stories/${c.storyId}`}>
                <LinkOutlined aria-hidden /> {t("monitoring.item.story")}
              </Link>
            )}
            <span className="hd-muted">
              {t("common.updatedAt")} {formatDateTime(c.updatedAt)}
            </span>
          </Space>
          <Form.Item
            name="title"
            label={t("monitoring.cases.caseTitle")}
            rules={[{ required: true, max: 500 }]}
          >
            <Input />
          </Form.Item>
          <div className="hd-grid-2">
            <Form.Item name="state" label={t("monitoring.cases.state")}>
              <Select
                options={CASE_STATES.map((s) => ({ value: s, label: t(`monitoring.caseStates.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="assessment" label={t("monitoring.cases.assessment")}>
              <Select
                disabled={!canAssign}
                options={ASSESSMENTS.map((a) => ({ value: a, label: t(`monitoring.assessments.${a}`) }))}
              />
            </Form.Item>
          </div>
          <div className="hd-grid-2">
            <Form.Item name="assigneePersonId" label={t("monitoring.cases.assigneePerson")}>
              <RemoteSelect<Person>
                path="/api/people"
                toOption={personOption}
                disabled={!canAssign}
                initialOption={
                  c.assigneePersonId
                    ? { value: c.assigneePersonId, label: names("person", c.assigneePersonId) ?? "" }
                    : null
                }
              />
            </Form.Item>
            <Form.Item name="assigneeUnitId" label={t("monitoring.cases.assigneeUnit")}>
              <RemoteSelect<Unit>
                path="/api/units"
                toOption={unitOption}
                disabled={!canAssign}
                initialOption={
                  c.assigneeUnitId
                    ? { value: c.assigneeUnitId, label: names("unit", c.assigneeUnitId) ?? "" }
                    : null
                }
              />
            </Form.Item>
          </div>
          <Form.Item name="deadline" label={t("monitoring.cases.deadline")}>
            <DatePicker format="DD/MM/YYYY" className="hd-w-100" />
          </Form.Item>
          <Form.Item name="taskId" label={t("monitoring.cases.task")}>
            <TaskSelect />
          </Form.Item>
          <fieldset className="hd-mon-fieldset hd-mb">
            <legend className="hd-strong">{t("monitoring.cases.actions")}</legend>
            <Form.List name="actions">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <div key={field.key} className="hd-mon-list-row">
                      <Form.Item
                        name={[field.name, "kind"]}
                        rules={[{ required: true }]}
                        className="hd-mon-list-kind"
                      >
                        <Select
                          aria-label={t("monitoring.cases.actionKind", { n: index + 1 })}
                          options={CASE_ACTIONS.map((a) => ({
                            value: a,
                            label: t(`monitoring.caseActions.${a}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, "note"]} className="hd-mon-grow">
                        <Input
                          aria-label={t("monitoring.cases.actionNote", { n: index + 1 })}
                          placeholder={t("monitoring.cases.actionNotePlaceholder")}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t("monitoring.cases.removeAction", { n: index + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    </div>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ kind: "press_informed", note: "" })}>
                    {t("monitoring.cases.addAction")}
                  </Button>
                </>
              )}
            </Form.List>
          </fieldset>
          <fieldset className="hd-mon-fieldset hd-mb">
            <legend className="hd-strong">{t("monitoring.cases.evidence")}</legend>
            <Form.List name="evidence">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <div key={field.key} className="hd-mon-list-row">
                      <Form.Item
                        name={[field.name, "url"]}
                        className="hd-mon-grow"
                        rules={[{ required: true, type: "url", message: t("monitoring.sources.urlInvalid") }]}
                      >
                        <Input
                          aria-label={t("monitoring.cases.evidenceUrl", { n: index + 1 })}
                          type="url"
                          placeholder="https://"
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, "title"]} className="hd-mon-grow">
                        <Input
                          aria-label={t("monitoring.cases.evidenceTitle", { n: index + 1 })}
                          placeholder={t("monitoring.cases.evidenceTitlePlaceholder")}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t("monitoring.cases.removeEvidence", { n: index + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    </div>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ url: "", title: "" })}>
                    {t("monitoring.cases.addEvidence")}
                  </Button>
                </>
              )}
            </Form.List>
          </fieldset>
          <Form.Item name="outcome" label={t("monitoring.cases.outcome")}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      )}
      {c && <CaseRebuttals caseId={caseId} canLink={canAssign} />}
    </Drawer>
  );
}
