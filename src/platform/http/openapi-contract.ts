/**
 * What every operation of the OpenAPI document gets without its route saying so: the security it
 * needs (from the route's `config.policy`), the error answers the HTTP layer can give (one shared
 * error body, the codes listed per status from {@link errorCatalogue}), servers, tags with their
 * descriptions, licence and contact. A route only declares its own `operationId`, tags, summary and
 * shapes; `test/integration/openapi-contract.test.ts` lints the result with Redocly's rules.
 */
import { errorCatalogue } from "../errors.js";

type Json = Record<string, unknown>;

/** The document's tags, in the order the docs page shows them. */
export const API_TAGS = [
  { name: "auth", description: "Đăng nhập, phiên làm việc, mật khẩu / Sign-in, sessions, password" },
  { name: "users", description: "Quản trị tài khoản / Account administration" },
  {
    name: "directory",
    description: "Danh bạ: đơn vị, cán bộ, Ban Chỉ đạo / Directory: units, people, committees",
  },
  { name: "audit", description: "Nhật ký thay đổi / Audit trail" },
  {
    name: "programmes",
    description: "Chương trình công tác, nhiệm vụ, văn bản trích dẫn / Work programmes, tasks, citations",
  },
  { name: "import", description: "Nhập chương trình từ văn bản / Importing programmes from documents" },
  {
    name: "follow-up",
    description: "Theo dõi, báo cáo tiến độ, lịch / Follow-up: statuses, check-ins, calendar",
  },
  { name: "notifications", description: "Thông báo và nhắc việc / Notifications and reminders" },
  { name: "reports", description: "Báo cáo định kỳ, công văn đôn đốc / Periodic reports, urging notices" },
  {
    name: "monitoring",
    description: "Theo dõi thông tin báo chí, mạng xã hội / Media monitoring: sources, items, search, cases",
  },
  {
    name: "events",
    description: "Lịch sự kiện, âm lịch, lịch đăng ký (iCalendar) / Events, lunar calendar, iCalendar feeds",
  },
  { name: "delegations", description: "Đoàn ra, đoàn vào / Delegations register" },
  {
    name: "press-visits",
    description: "Đoàn phóng viên nước ngoài, dữ liệu cá nhân / Foreign press visits, personal data",
  },
  {
    name: "partners",
    description:
      "Đối tác, cộng đồng người Hải Phòng ở nước ngoài / Partners, overseas communities, agreements, exchanges",
  },
  {
    name: "training",
    description: "Bồi dưỡng, Giải thưởng thông tin đối ngoại / Training courses and award entries",
  },
  {
    name: "registers",
    description:
      "Hồ sơ, sản phẩm của các sổ theo dõi gắn với nhiệm vụ làm minh chứng / Register entries attached to tasks as evidence",
  },
  { name: "budget", description: "Đề xuất kinh phí / Budget proposals register" },
  {
    name: "installations",
    description: "Công trình trực quan: pano, màn hình LED / Visual installations register",
  },
  {
    name: "portal",
    description:
      "Cổng Thông tin đối ngoại: tin, bài, bản dịch, thẩm định, đăng tải / External-information portal: items, translations, review, publication",
  },
  { name: "health", description: "Tình trạng máy chủ / Server health probes" },
  { name: "metrics", description: "Chỉ số vận hành cho Prometheus / Operational metrics for Prometheus" },
] as const;

/** The shared error body: `{ error: { code, message, details? }, requestId }`. */
export function errorBodySchema(codes?: readonly string[]): Json {
  return {
    type: "object",
    required: ["error", "requestId"],
    additionalProperties: false,
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        additionalProperties: false,
        properties: {
          code: codes
            ? { type: "string", enum: [...codes], description: "Mã lỗi ổn định / Stable error code" }
            : { type: "string", description: "Mã lỗi ổn định / Stable error code" },
          message: {
            type: "string",
            description:
              "Thông điệp theo `Accept-Language` (vi mặc định, en) / Message in the caller's language",
          },
          details: {
            type: "array",
            description: "Lỗi từng trường / Field-level problems",
            items: {
              type: "object",
              required: ["path", "message"],
              additionalProperties: false,
              properties: { path: { type: "string" }, message: { type: "string" } },
            },
          },
        },
      },
      requestId: { type: "string", description: "Mã yêu cầu (x-request-id) / Request id" },
    },
  };
}

/** Codes the HTTP layer answers without a definition of their own (see error-handler.ts). */
const HTTP_LAYER_CODES: Record<number, string[]> = { 400: ["bad_request"] };

/** The error codes defined (by any module loaded so far) for one status. */
export function codesForStatus(status: number): string[] {
  const codes = new Set(HTTP_LAYER_CODES[status] ?? []);
  for (const def of errorCatalogue.values()) if (def.status === status) codes.add(def.code);
  return [...codes].sort();
}

/** Statuses documented one by one; any other error status falls under `default`. */
const ERROR_RESPONSES: Record<number, { name: string; vi: string; en: string }> = {
  400: { name: "BadRequest", vi: "Dữ liệu gửi lên không hợp lệ", en: "Invalid input" },
  401: { name: "Unauthenticated", vi: "Chưa đăng nhập", en: "Sign-in required" },
  403: { name: "Forbidden", vi: "Không có quyền", en: "Not allowed (permission, CSRF token, origin)" },
  404: { name: "NotFound", vi: "Không tìm thấy", en: "Not found" },
  409: { name: "Conflict", vi: "Xung đột dữ liệu", en: "Conflicting or duplicate data" },
  413: { name: "PayloadTooLarge", vi: "Dữ liệu quá lớn", en: "Payload too large" },
  415: { name: "UnsupportedMediaType", vi: "Kiểu nội dung không hỗ trợ", en: "Unsupported content type" },
  422: { name: "Unprocessable", vi: "Không xử lý được", en: "Valid input the rules refuse" },
  500: { name: "InternalError", vi: "Lỗi hệ thống", en: "Internal error" },
  503: { name: "Unavailable", vi: "Tạm thời không sẵn sàng", en: "Temporarily unavailable" },
};

const SAFE_METHODS = new Set(["get", "head", "options"]);
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Which error statuses an operation can answer, from what the HTTP layer does before and around it. */
function errorStatuses(method: string, op: Json): number[] {
  const isPublic = Array.isArray(op.security) && op.security.length === 0;
  const isSafe = SAFE_METHODS.has(method);
  const params = (op.parameters as { in?: string }[] | undefined) ?? [];
  const statuses = [400];
  if (!isPublic) statuses.push(401);
  if (!isPublic || !isSafe) statuses.push(403);
  if (params.some((p) => p.in === "path")) statuses.push(404);
  if (!isSafe) statuses.push(409, 422);
  if (op.requestBody) statuses.push(413, 415);
  statuses.push(500, 503);
  return statuses;
}

/**
 * The `security` requirement of a route from its permission: none for public routes, the session
 * cookie for reads, the session cookie and the CSRF header for writes.
 */
export function securityFor(policy: unknown, method: string): Record<string, string[]>[] {
  if (policy === "public") return [];
  return SAFE_METHODS.has(method.toLowerCase()) ? [{ session: [] }] : [{ session: [], csrf: [] }];
}

/** Adds the shared parts to the finished document (the `transformObject` of @fastify/swagger). */
export function completeDocument(
  doc: Json,
  options: { servers: { url: string; description: string }[] },
): Json {
  const components = (doc.components ?? {}) as Json;
  const schemas = { ...((components.schemas as Json | undefined) ?? {}) };
  const responses = { ...((components.responses as Json | undefined) ?? {}) };
  const securitySchemes = { ...((components.securitySchemes as Json | undefined) ?? {}) };
  const used = new Set<number>();
  const paths = (doc.paths ?? {}) as Record<string, Json>;
  let hasMetrics = false;

  for (const [url, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      if (url === "/metrics") {
        hasMetrics = true;
        op.security = [{ metricsToken: [] }];
      }
      const opResponses = { ...((op.responses as Json | undefined) ?? {}) };
      for (const status of errorStatuses(method, op)) {
        if (opResponses[String(status)]) continue;
        opResponses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]?.name}` };
        used.add(status);
      }
      opResponses.default ??= { $ref: "#/components/responses/Error" };
      op.responses = opResponses;
    }
  }

  schemas.Error = errorBodySchema();
  responses.Error = {
    description: "Lỗi khác (mã ở `error.code`) / Any other error (code in `error.code`)",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  };
  for (const status of [...used].sort()) {
    const { name, vi, en } = ERROR_RESPONSES[status] as { name: string; vi: string; en: string };
    const codes = codesForStatus(status);
    schemas[`Error${status}`] = errorBodySchema(codes);
    responses[name] = {
      description: `${vi} / ${en}. Mã / codes: ${codes.map((c) => `\`${c}\``).join(", ")}`,
      content: { "application/json": { schema: { $ref: `#/components/schemas/Error${status}` } } },
    };
  }
  if (hasMetrics) {
    securitySchemes.metricsToken = {
      type: "http",
      scheme: "bearer",
      description: "Mã truy cập chỉ số (HAIDANG_METRICS_TOKEN) / The metrics token",
    };
  }

  const usedTags = new Set<string>();
  for (const item of Object.values(paths))
    for (const method of METHODS)
      for (const tag of ((item[method] as Json | undefined)?.tags as string[] | undefined) ?? [])
        usedTags.add(tag);

  return {
    ...doc,
    servers: options.servers,
    tags: [
      ...API_TAGS.filter((t) => usedTags.has(t.name)),
      // A tag missing from API_TAGS has no description: the contract test names it.
      ...[...usedTags].filter((name) => !API_TAGS.some((t) => t.name === name)).map((name) => ({ name })),
    ],
    components: { ...components, schemas, responses, securitySchemes },
  };
}
