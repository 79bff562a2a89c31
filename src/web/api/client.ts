/**
 * A small typed client for the Hải Đăng JSON API.
 *
 * - Same-origin cookies carry the session; state-changing requests add the `x-csrf-token` header with the
 *   token returned by `/api/auth/login` and `/api/auth/me`.
 * - Every request sends `Accept-Language` so that the server answers with localised error messages.
 * - Non-2xx answers become an {@link ApiError} carrying the server's code, message and field details.
 */

/** One field-level problem reported by the server (`error.details[]`). */
export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** An error answer from the API, or a network failure (status 0, code `network_error`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: ApiErrorDetail[];
    requestId?: string;
  }) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** Query values; `undefined`, `null` and `""` are left out of the URL. */
export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

let csrfToken: string | null = null;
let language = "vi";
const unauthenticatedListeners = new Set<() => void>();

/** Remembers the CSRF token from login/me; `null` after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The UI language, sent as `Accept-Language`. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Called when any request (other than the session probe) answers 401: the session has ended. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Don't broadcast a 401 (used by the initial session probe). */
  isSessionProbe?: boolean;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": language };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError({
      status: 0,
      code: "network_error",
      message: language === "en" ? "Cannot reach the server" : "Không kết nối được máy chủ",
    });
  }
  if (!response.ok) throw await toApiError(response, options);
  return response;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: ApiErrorDetail[] };
  requestId?: string;
}

async function toApiError(response: Response, options: RequestOptions): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (proxy error page, empty body): fall back to the status text.
  }
  if (response.status === 401 && !options.isSessionProbe) {
    for (const listener of unauthenticatedListeners) listener();
  }
  return new ApiError({
    status: response.status,
    code: body.error?.code ?? `http_${response.status}`,
    message: body.error?.message ?? (response.statusText || `HTTP ${response.status}`),
    details: Array.isArray(body.error?.details) ? body.error.details : [],
    requestId: body.requestId,
  });
}

/** Sends a request and parses the JSON answer (`undefined` for 204). */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>("GET", path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, { body }),
  delete: <T = void>(path: string) => request<T>("DELETE", path),
};

/** Downloads a file answer (e.g. an export) and hands it to the browser as a download. */
export async function download(path: string, query: Query, fallbackName: string): Promise<void> {
  await saveResponse(await send("GET", path, { query }), fallbackName);
}

/** Posts JSON and hands the file answer (e.g. a generated .docx) to the browser as a download. */
export async function downloadPost(path: string, body: unknown, fallbackName: string): Promise<void> {
  await saveResponse(await send("POST", path, { body }), fallbackName);
}

async function saveResponse(response: Response, fallbackName: string): Promise<void> {
  const blob = await response.blob();
  const disposition = response.headers.get("content-disposition") ?? "";
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
  saveBlob(blob, match ? decodeURIComponent(match[1] ?? match[2] ?? fallbackName) : fallbackName);
}

/** Hands bytes made or fetched in the page to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
