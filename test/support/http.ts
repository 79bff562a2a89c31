/** A signed-in HTTP client over Fastify's `inject` (no sockets), carrying the cookie and CSRF token. */
import type { App } from "../../src/platform/http/types.js";

export interface InjectResult {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

export interface Client {
  csrfToken: string;
  cookie: string;
  request(
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<InjectResult>;
}

export async function rawRequest(
  app: App,
  method: string,
  url: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<InjectResult> {
  const res = await app.inject({
    method: method as "GET",
    url,
    headers: {
      ...(options.body !== undefined && { "content-type": "application/json" }),
      ...options.headers,
    },
    ...(options.body !== undefined && {
      payload: typeof options.body === "string" ? options.body : JSON.stringify(options.body),
    }),
  });
  let body: unknown = null;
  try {
    body = res.body ? JSON.parse(res.body) : null;
  } catch {
    body = null;
  }
  return { status: res.statusCode, body, headers: res.headers, text: res.body };
}

export async function signIn(app: App, email: string, password: string): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers["set-cookie"];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(";")[0] ?? "";
  const { csrfToken } = JSON.parse(res.body) as { csrfToken: string };
  return {
    csrfToken,
    cookie,
    request(method, url, body, headers = {}) {
      return rawRequest(app, method, url, {
        body,
        headers: { cookie, "x-csrf-token": csrfToken, ...headers },
      });
    },
  };
}
