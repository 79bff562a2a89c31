/** The OpenAPI 3.1 document (`GET /api/openapi.json`) and a small, script-free docs page (`GET /api/docs`). */
import swagger from "@fastify/swagger";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import type { App } from "./types.js";

export async function registerOpenApi(app: App, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Hải Đăng API",
        description:
          "API của nền tảng Hải Đăng (Ban Chỉ đạo Công tác thông tin đối ngoại). Errors: `{ error: { code, message, details? }, requestId }`; send `Accept-Language: en` for English messages. State-changing requests need the `x-csrf-token` header returned by sign-in.",
        version,
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "hd_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
    transform: jsonSchemaTransform,
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
