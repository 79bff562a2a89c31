/**
 * Signed webhook delivery: POST JSON with `X-HaiDang-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`
 * and `X-HaiDang-Timestamp`, to an address checked by the same SSRF rules as feed fetching (resolved
 * addresses are classified, then pinned for the connection), with a deadline and no redirects.
 */
import { createHmac } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { classifyAddress } from "../fetch/fetch.address.js";
import { monitoringErrors } from "../monitoring.errors.js";

/** The signature a receiver recomputes to verify a delivery. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export interface WebhookOptions {
  allowPrivate: boolean;
  timeoutMs?: number;
}

export async function postWebhook(
  target: { url: string; secret: string },
  payload: unknown,
  options: WebhookOptions,
): Promise<{ status: number }> {
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    throw monitoringErrors.fetchInvalidUrl({ meta: { url: target.url } });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw monitoringErrors.fetchInvalidUrl({ meta: { url: target.url } });
  const check = (address: string) => {
    const reason = options.allowPrivate ? null : classifyAddress(address);
    if (reason) throw monitoringErrors.fetchBlockedAddress({ meta: { host: url.hostname, address, reason } });
  };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) check(host);
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        agent: false,
        timeout: options.timeoutMs ?? 10_000,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(body),
          "user-agent": "HaiDangAlerts/0.1",
          "x-haidang-timestamp": timestamp,
          "x-haidang-signature": signWebhook(target.secret, timestamp, body),
        },
        lookup: (hostname, opts, callback) => {
          dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses: LookupAddress[]) => {
            if (err) return callback(err, "", 4);
            try {
              for (const a of addresses) check(a.address);
            } catch (blocked) {
              return callback(blocked as Error, "", 4);
            }
            const first = addresses[0] as LookupAddress;
            if ((opts as { all?: boolean }).all)
              (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
            else callback(null, first.address, first.family);
          });
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve({ status });
          else reject(monitoringErrors.fetchHttpStatus({ meta: { url: url.href, status } }));
        });
      },
    );
    req.on("timeout", () => req.destroy(monitoringErrors.fetchTimeout({ meta: { url: url.href } })));
    req.on("error", reject);
    req.end(body);
  });
}
