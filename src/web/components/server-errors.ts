import type { FormInstance } from "antd";
import { isApiError } from "../api/client";

export type FieldErrorTarget = Pick<FormInstance, "getFieldsError" | "setFields">;

/**
 * Puts the server's field errors (`error.details[]`, paths like `name` or `roles.0`) on the matching form
 * fields. Returns true when at least one field took a message.
 */
export function applyFieldErrors(form: FieldErrorTarget, err: unknown): boolean {
  if (!isApiError(err) || err.details.length === 0) return false;
  const fields = new Map<string, string>();
  for (const field of form.getFieldsError()) {
    const name = field.name.join(".");
    fields.set(name.toLowerCase(), name);
  }
  const byField = new Map<string, string[]>();
  for (const detail of err.details) {
    const path = detail.path.replace(/^body[./]/, "");
    const first = path.split(/[.[\]/]/).find(Boolean) ?? "";
    const name = fields.get(path.toLowerCase()) ?? fields.get(first.toLowerCase());
    if (!name) continue;
    byField.set(name, [...(byField.get(name) ?? []), detail.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: name.split("."), errors })));
  return byField.size > 0;
}
