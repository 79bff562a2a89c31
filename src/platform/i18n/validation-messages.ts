/**
 * Turns schema validation issues into field-level messages in Vietnamese or English.
 * Zod's own messages are English only; officials read Vietnamese first.
 */
import type { Lang } from "../context.js";
import type { ErrorDetail } from "../errors.js";

export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params: Record<string, unknown>;
}

/**
 * Zod 4 reports the input only with `reportInput`, so a missing field is told from a wrong type by
 * its message ("…, received undefined") unless the input is there.
 */
function isMissing(issue: ValidationIssue): boolean {
  if ("input" in issue.params) return issue.params.input === undefined;
  return /received undefined$/.test(issue.message ?? "");
}

function describe(issue: ValidationIssue, lang: Lang): string {
  const p = issue.params;
  const vi = lang === "vi";
  switch (issue.keyword) {
    case "invalid_type":
      return isMissing(issue)
        ? vi
          ? "Trường này là bắt buộc"
          : "This field is required"
        : vi
          ? `Sai kiểu dữ liệu (cần ${String(p.expected)})`
          : `Wrong type (expected ${String(p.expected)})`;
    case "too_small":
      return p.origin === "string"
        ? vi
          ? `Cần ít nhất ${String(p.minimum)} ký tự`
          : `Must have at least ${String(p.minimum)} characters`
        : vi
          ? `Giá trị nhỏ nhất là ${String(p.minimum)}`
          : `Minimum is ${String(p.minimum)}`;
    case "too_big":
      return p.origin === "string"
        ? vi
          ? `Tối đa ${String(p.maximum)} ký tự`
          : `At most ${String(p.maximum)} characters`
        : vi
          ? `Giá trị lớn nhất là ${String(p.maximum)}`
          : `Maximum is ${String(p.maximum)}`;
    case "invalid_format":
      return vi ? `Sai định dạng (${String(p.format)})` : `Invalid format (${String(p.format)})`;
    case "invalid_value":
      return vi ? "Giá trị không được chấp nhận" : "Value not allowed";
    case "unrecognized_keys": {
      const keys = Array.isArray(p.keys) ? p.keys.join(", ") : "";
      return vi ? `Trường không được phép: ${keys}` : `Unknown field(s): ${keys}`;
    }
    default:
      return vi ? "Giá trị không hợp lệ" : (issue.message ?? "Invalid value");
  }
}

export function validationDetails(
  issues: ValidationIssue[],
  context: string | undefined,
  lang: Lang,
): ErrorDetail[] {
  return issues.map((issue) => {
    const field = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
    const path = [context && context !== "body" ? context : "", field].filter(Boolean).join(".");
    return { path, message: describe(issue, lang) };
  });
}
