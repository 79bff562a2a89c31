/** Security headers on every response; a strict Content-Security-Policy with a per-request style nonce for the web app. */
import type { FastifyReply } from "fastify";

export function webCsp(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API and other non-HTML responses load nothing. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export function setSecurityHeaders(reply: FastifyReply, isHttps: boolean): void {
  reply.header("x-content-type-options", "nosniff");
  reply.header("x-frame-options", "DENY");
  reply.header("referrer-policy", "same-origin");
  reply.header("cross-origin-opener-policy", "same-origin");
  reply.header("cross-origin-resource-policy", "same-origin");
  reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (isHttps) reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
  if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", API_CSP);
}
