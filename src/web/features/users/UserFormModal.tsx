import { Alert, Form, Input, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { type CreatedUser, type Person, ROLES, type Role, type User } from "../../api/types";
import { RemoteSelect } from "../../components/RemoteSelect";
import { applyFieldErrors } from "../../components/server-errors";
import { personOption } from "../directory/directory-api";

interface UserForm {
  email: string;
  displayName: string;
  roles: Role[];
  personId?: string | null;
  password?: string;
  translationLanguages?: string[];
}

/** Portal languages an administrator may assign (the server refuses those the portal has not enabled). */
const PORTAL_LANGUAGES = ["vi", "en", "zh", "ja", "ko", "fr", "ru"] as const;
/** Roles the assignment binds: translators, and reviewers who are not editors. */
const isAssignable = (roles: readonly Role[] | undefined) =>
  Boolean(roles?.some((r) => r === "translator" || r === "leader"));

/** Create a user (user = null) or edit one; creation may answer with a temporary password. */
export function UserFormModal({
  open,
  user,
  onClose,
  onSaved,
}: {
  open: boolean;
  user: User | null;
  onClose(): void;
  onSaved(result: { user: User; temporaryPassword?: string }): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (user)
      form.setFieldsValue({
        email: user.email,
        displayName: user.displayName,
        roles: user.roles,
        personId: user.personId,
        translationLanguages: user.translationLanguages ?? [],
      });
  }, [open, user, form]);

  const roles = Form.useWatch("roles", form);
  /** An empty choice lifts the restriction (null). */
  const languagesOf = (values: UserForm) =>
    isAssignable(values.roles) && values.translationLanguages?.length ? values.translationLanguages : null;

  const onFinish = async (values: UserForm) => {
    setSaving(true);
    setError(null);
    try {
      if (user) {
        const updated = await api.patch<User>(`/api/users/${user.id}`, {
          displayName: values.displayName.trim(),
          roles: values.roles,
          personId: values.personId ?? null,
          translationLanguages: languagesOf(values),
        });
        onSaved({ user: updated });
      } else {
        const created = await api.post<CreatedUser>("/api/users", {
          email: values.email.trim(),
          displayName: values.displayName.trim(),
          roles: values.roles,
          personId: values.personId ?? undefined,
          translationLanguages: languagesOf(values),
          password: values.password || undefined,
        });
        onSaved(created);
      }
    } catch (err) {
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
      applyFieldErrors(form, err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={user ? t("users.edit") : t("users.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
      <Form<UserForm> form={form} layout="vertical" onFinish={onFinish} initialValues={{ roles: ["viewer"] }}>
        <Form.Item
          name="email"
          label={t("users.email")}
          rules={[
            { required: true, message: t("validation.required") },
            { type: "email", message: t("validation.email") },
          ]}
        >
          <Input type="email" autoComplete="off" disabled={Boolean(user)} autoFocus={!user} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("users.displayName")}
          rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
        >
          <Input autoFocus={Boolean(user)} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t("users.roles")}
          rules={[{ required: true, message: t("users.rolesRequired") }]}
        >
          <Select
            mode="multiple"
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </Form.Item>
        <Form.Item name="personId" label={t("users.person")} extra={t("users.personHelp")}>
          <RemoteSelect<Person>
            path="/api/people"
            toOption={personOption}
            initialOption={user?.personId ? { value: user.personId, label: user.personId } : null}
            placeholder={t("users.personPlaceholder")}
          />
        </Form.Item>
        {isAssignable(roles) && (
          <Form.Item
            name="translationLanguages"
            label={t("userLanguages.label")}
            extra={t("userLanguages.help")}
          >
            <Select
              mode="multiple"
              allowClear
              placeholder={t("userLanguages.placeholder")}
              options={PORTAL_LANGUAGES.map((lang) => ({
                value: lang,
                label: t(`userLanguages.languages.${lang}`),
              }))}
            />
          </Form.Item>
        )}
        {!user && (
          <Form.Item
            name="password"
            label={t("users.initialPassword")}
            extra={t("users.initialPasswordHelp")}
            rules={[{ min: 10, message: t("validation.minLength", { min: 10 }) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {/* Enter in any field submits (the modal's OK button is outside the form). */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
