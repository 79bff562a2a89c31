import { Alert, App, DatePicker, Form, Modal, Select } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { COMMITTEE_ROLES, type CommitteeMember, type CommitteeRole, type Person } from "../../api/types";
import { toIsoDate } from "../../components/format";
import { RemoteSelect } from "../../components/RemoteSelect";
import { applyFieldErrors } from "../../components/server-errors";
import { directoryApi, personOption } from "./directory-api";

interface MemberForm {
  personId: string;
  role: CommitteeRole;
  startDate: dayjs.Dayjs;
  endDate?: dayjs.Dayjs | null;
}

/** What the modal does: add a member, edit a membership, or end it (set the end of term). */
export type MemberModalMode =
  | { kind: "add"; committeeId: string }
  | { kind: "edit"; member: CommitteeMember }
  | { kind: "end"; member: CommitteeMember };

export function MemberFormModal({
  mode,
  onClose,
  onSaved,
}: {
  mode: MemberModalMode | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!mode) return;
    setError(null);
    form.resetFields();
    if (mode.kind === "add") {
      form.setFieldsValue({ role: "member", startDate: dayjs() });
    } else {
      const { member } = mode;
      form.setFieldsValue({
        personId: member.personId,
        role: member.role,
        startDate: dayjs(member.startDate),
        endDate: member.endDate ? dayjs(member.endDate) : mode.kind === "end" ? dayjs() : null,
      });
    }
  }, [mode, form]);

  const onFinish = async (values: MemberForm) => {
    if (!mode) return;
    setSaving(true);
    setError(null);
    try {
      if (mode.kind === "add") {
        await directoryApi.addMember(mode.committeeId, {
          personId: values.personId,
          role: values.role,
          // The form requires a start date; an empty one is the server's to refuse.
          startDate: toIsoDate(values.startDate) ?? "",
          endDate: toIsoDate(values.endDate),
        });
      } else if (mode.kind === "edit") {
        await directoryApi.updateMember(mode.member.id, {
          role: values.role,
          startDate: toIsoDate(values.startDate) ?? undefined,
          endDate: toIsoDate(values.endDate),
        });
      } else {
        await directoryApi.updateMember(mode.member.id, { endDate: toIsoDate(values.endDate) });
      }
      message.success(t(`committee.saved.${mode.kind}`));
      onSaved();
    } catch (err) {
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
      applyFieldErrors(form, err);
    } finally {
      setSaving(false);
    }
  };

  const person =
    mode && mode.kind !== "add" ? { value: mode.member.personId, label: mode.member.personName } : null;
  const isEnding = mode?.kind === "end";

  return (
    <Modal
      open={mode !== null}
      title={mode ? t(`committee.modal.${mode.kind}`) : ""}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={isEnding ? t("committee.endConfirm") : t("common.save")}
      okButtonProps={{ loading: saving, danger: isEnding }}
      cancelText={t("common.cancel")}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
      <Form<MemberForm> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="personId"
          label={t("committee.person")}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <RemoteSelect<Person>
            path="/api/people"
            toOption={personOption}
            initialOption={person}
            disabled={mode?.kind !== "add"}
            placeholder={t("committee.personPlaceholder")}
          />
        </Form.Item>
        <Form.Item name="role" label={t("committee.role")} rules={[{ required: true }]}>
          <Select
            disabled={isEnding}
            options={COMMITTEE_ROLES.map((role) => ({ value: role, label: t(`committeeRoles.${role}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="startDate"
          label={t("committee.startDate")}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <DatePicker format="DD/MM/YYYY" disabled={isEnding} className="hd-w-100" />
        </Form.Item>
        <Form.Item
          name="endDate"
          label={t("committee.endDate")}
          dependencies={["startDate"]}
          rules={[
            { required: isEnding, message: t("validation.required") },
            ({ getFieldValue }) => ({
              validator(_, value: dayjs.Dayjs | null | undefined) {
                const start = getFieldValue("startDate") as dayjs.Dayjs | undefined;
                if (!value || !start || !value.isBefore(start, "day")) return Promise.resolve();
                return Promise.reject(new Error(t("committee.endBeforeStart")));
              },
            }),
          ]}
        >
          <DatePicker format="DD/MM/YYYY" className="hd-w-100" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
