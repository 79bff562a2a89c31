/** The OpenAPI 3.1 document (`GET /api/openapi.json`) and a small, script-free docs page (`GET /api/docs`). */
import swagger from "@fastify/swagger";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { completeDocument, securityFor } from "./openapi-contract.js";
import type { App } from "./types.js";

/** The success answer of a route that declares no response schema (yet). */
const UNDOCUMENTED_SUCCESS = {
  type: "null",
  description: "Thành công (chưa mô tả nội dung) / Success (body not described yet)",
};

export interface OpenApiOptions {
  version: string;
  /** The session cookie's name (`__Host-hd_session` behind HTTPS). */
  cookieName: string;
  /** HAIDANG_PUBLIC_URL, when set: the document's server. */
  publicUrl: string | undefined;
}

export async function registerOpenApi(app: App, options: OpenApiOptions): Promise<void> {
  const servers = [
    options.publicUrl
      ? { url: new URL(options.publicUrl).origin, description: "Máy chủ này / This server" }
      : { url: "/", description: "Máy chủ phục vụ tài liệu này / The server serving this document" },
  ];
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Hải Đăng API",
        description:
          "API của nền tảng Hải Đăng (Ban Chỉ đạo Công tác thông tin đối ngoại). Errors: `{ error: { code, message, details? }, requestId }`; send `Accept-Language: en` for English messages. State-changing requests need the `x-csrf-token` header returned by sign-in.",
        version: options.version,
        contact: { name: "Quản trị hệ thống Hải Đăng / Hải Đăng administrators", url: "/api/docs" },
        license: {
          name: "Phần mềm nội bộ, không cấp phép công khai / Proprietary, not licensed for public use",
          url: "/api/docs",
        },
      },
      components: {
        securitySchemes: {
          session: {
            type: "apiKey",
            in: "cookie",
            name: options.cookieName,
            description: "Cookie phiên do `POST /api/auth/login` đặt / Session cookie set by sign-in",
          },
          csrf: {
            type: "apiKey",
            in: "header",
            name: "x-csrf-token",
            description:
              "Mã CSRF trả về khi đăng nhập và ở `GET /api/auth/me`; bắt buộc cho mọi yêu cầu ghi / CSRF token from sign-in, required on every write",
          },
        },
      },
    },
    transform: (input) => {
      const { schema, url } = jsonSchemaTransform(input);
      const security = securityFor(input.route.config?.policy, String(input.route.method));
      // A route without a response schema still says truthfully that it succeeds with some 2xx.
      const response = schema.response ?? { "2XX": UNDOCUMENTED_SUCCESS };
      return { schema: { ...schema, security, response }, url };
    },
    transformObject: (input) =>
      completeDocument(("openapiObject" in input ? input.openapiObject : input.swaggerObject) as never, {
        servers,
      }) as never,
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface OpenApiDoc {
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, { summary?: string; tags?: string[]; description?: string }>>;
}

/** Renders the operations grouped by tag as plain HTML (no scripts, so the strict CSP holds). */
export function renderDocsPage(doc: OpenApiDoc): string {
  const groups = new Map<string, string[]>();
  for (const [p, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? "other";
      const row = `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(p)}</code></td><td>${escapeHtml(op.summary ?? "")}</td></tr>`;
      groups.set(tag, [...(groups.get(tag) ?? []), row]);
    }
  }
  const sections = [...groups.entries()]
    .map(
      ([tag, rows]) =>
        `<h2>${escapeHtml(tag)}</h2><table><thead><tr><th>Method</th><th>Path</th><th>Mô tả / Summary</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
    )
    .join("");
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(doc.info?.title ?? "API")}</title></head>
<body><main><h1>${escapeHtml(doc.info?.title ?? "API")} ${escapeHtml(doc.info?.version ?? "")}</h1>
<p>${escapeHtml(doc.info?.description ?? "")}</p><p><a href="/api/openapi.json">openapi.json</a></p>${sections}</main></body></html>`;
}
