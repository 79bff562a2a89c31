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

const BASE_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  // Routes that serve HTML (the web app, the docs page) replace it with their own policy.
  "content-security-policy": API_CSP,
} as const;
const HTTPS_HEADERS = {
  ...BASE_HEADERS,
  "strict-transport-security": "max-age=31536000; includeSubDomains",
} as const;

/** Sets every security header in one call (this runs on every response). */
export function setSecurityHeaders(reply: FastifyReply, isHttps: boolean): void {
  reply.headers(isHttps ? HTTPS_HEADERS : BASE_HEADERS);
}
