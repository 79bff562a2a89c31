/**
 * `GET /api/portal/items/:id/preview/:lang`: one language of an item as the public site would show it,
 * before publication — same templates, a "Bản xem trước — chưa đăng" banner, no script, not indexed.
 */
import type { App } from "../../platform/http/types.js";
import { PortalPreviewParams } from "../../shared/api/portal-queue.js";
import type { PortalService } from "./portal.service.js";
import { PREVIEW_CSP, renderPreview } from "./portal-preview.js";

export function registerPortalPreviewRoutes(
  app: App,
  deps: { portal: PortalService; publicSite: { url: string | null; port: number } },
) {
  const { portal, publicSite } = deps;

  app.get(
    "/api/portal/items/:id/preview/:lang",
    {
      config: { policy: "portal.read" },
      schema: {
        operationId: "previewPortalLocalization",
        tags: ["portal"],
        summary: "Xem trước một bản ngôn ngữ trước khi đăng (HTML) / Preview one language before publication",
        params: PortalPreviewParams,
      },
    },
    async (request, reply) => {
      const item = await portal.get(request.ctx, request.params.id);
      // Links in the preview point where the public site will serve them.
      const base = publicSite.url ?? `${request.protocol}://${request.hostname}:${publicSite.port}`;
      const html = renderPreview(item, request.params.lang, { base, languages: portal.languages });
      return reply
        .header("content-security-policy", PREVIEW_CSP)
        .header("x-frame-options", "SAMEORIGIN")
        .header("x-robots-tag", "noindex, nofollow")
        .header("cache-control", "no-store")
        .type("text/html; charset=utf-8")
        .send(html);
    },
  );
}
