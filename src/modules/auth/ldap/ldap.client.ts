/**
 * The city's LDAP / Active Directory as this server sees it (ldapts): every connection is encrypted
 * (ldaps://, or ldap:// upgraded with StartTLS before any bind) and checked against the configured CA.
 *
 * A sign-in: bind as the search account, find exactly one entry by the user filter (the user name
 * escaped per RFC 4515, so `*`, `(`, `)` and `\` are plain characters), bind as that entry with the
 * password, then read its groups (`member`/`uniqueMember`/`memberUid` of groups under the group base,
 * and the entry's own `memberOf`).
 */
import fs from "node:fs";
import net from "node:net";
import { Client, Filter, InvalidCredentialsError } from "ldapts";
import type { LdapConfig } from "../../../config/sso.config.js";
import type { MethodStatus, OidcLogger } from "../oidc/oidc.client.js";

/** A person found and authenticated in the directory. */
export interface LdapPerson {
  dn: string;
  email: string | undefined;
  displayName: string | undefined;
  /** Group common names. */
  groups: string[];
}

export type LdapResult = { ok: true; person: LdapPerson } | { ok: false; reason: "invalid_credentials" };

const first = (v: unknown): string | undefined => {
  const x = Array.isArray(v) ? v[0] : v;
  if (typeof x === "string") return x;
  if (Buffer.isBuffer(x)) return x.toString("utf8");
  return undefined;
};
const all = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) =>
    Buffer.isBuffer(x) ? x.toString("utf8") : String(x),
  );

/** The cn of a DN's first RDN (`cn=hd-admins,ou=groups,…` → `hd-admins`). */
export function cnOf(dn: string): string | undefined {
  const m = /^\s*cn=((?:\\.|[^,])+)/i.exec(dn);
  return m?.[1]?.replace(/\\(.)/g, "$1");
}

/** The user filter with the user name escaped (RFC 4515). */
export const userFilterFor = (template: string, username: string) =>
  template.split("{username}").join(Filter.escape(username));

export function createLdapClient(deps: {
  config: LdapConfig;
  log: OidcLogger;
  timeoutMs?: number;
  retryMs?: number;
}) {
  const { config } = deps;
  const retryMs = deps.retryMs ?? 60_000;
  const timeout = deps.timeoutMs ?? 5_000;
  let status: MethodStatus = { isAvailable: false, reason: "not checked yet" };
  let checkedAt = 0;

  function tlsOptions() {
    const host = new URL(config.url).hostname.replace(/^\[|\]$/g, "");
    return {
      ...(config.caFile && { ca: [fs.readFileSync(config.caFile)] }),
      // The certificate is checked against this name (an IP address is checked against its IP SANs).
      host,
      ...(net.isIP(host) === 0 && { servername: host }),
      minVersion: "TLSv1.2" as const,
    };
  }

  async function connect(): Promise<Client> {
    const tls = tlsOptions();
    if (config.url.startsWith("ldaps://"))
      return new Client({ url: config.url, timeout, connectTimeout: timeout, tlsOptions: tls });
    // ldap://: plain TCP first (TLS options here would make ldapts speak TLS at once), then StartTLS.
    const client = new Client({ url: config.url, timeout, connectTimeout: timeout });
    await client.startTLS(tls);
    return client;
  }

  async function serviceBind(client: Client) {
    if (config.bindDn) await client.bind(config.bindDn, config.bindPassword ?? "");
  }

  function setStatus(next: MethodStatus) {
    if (next.isAvailable !== status.isAvailable || next.reason !== status.reason) {
      if (next.isAvailable) deps.log.info(`LDAP: đăng nhập qua ${config.url} sẵn sàng / LDAP sign-in ready`);
      else
        deps.log.error(
          `LDAP: đăng nhập qua ${config.url} tạm thời không dùng được / LDAP sign-in unavailable: ${next.reason}`,
        );
    }
    status = next;
    checkedAt = Date.now();
  }

  async function probe(): Promise<MethodStatus> {
    let client: Client | undefined;
    try {
      client = await connect();
      await serviceBind(client);
      setStatus({ isAvailable: true });
    } catch (err) {
      setStatus({
        isAvailable: false,
        reason: err instanceof Error ? err.message.slice(0, 300) : String(err),
      });
    } finally {
      await client?.unbind().catch(() => undefined);
    }
    return status;
  }

  return {
    async check(): Promise<MethodStatus> {
      if (status.isAvailable) return status;
      if (checkedAt > 0 && Date.now() - checkedAt < retryMs) return status;
      return probe();
    },
    current: (): MethodStatus => status,

    /** Authenticates a user name and password; throws when the directory cannot be used. */
    async authenticate(username: string, password: string): Promise<LdapResult> {
      // An empty password would be an unauthenticated bind, which LDAP servers accept as a success.
      if (!password) return { ok: false, reason: "invalid_credentials" };
      let service: Client | undefined;
      let personal: Client | undefined;
      try {
        try {
          service = await connect();
          await serviceBind(service);
        } catch (err) {
          setStatus({
            isAvailable: false,
            reason: err instanceof Error ? err.message.slice(0, 300) : String(err),
          });
          throw err;
        }
        const { searchEntries } = await service.search(config.userBase, {
          scope: "sub",
          filter: userFilterFor(config.userFilter, username),
          attributes: ["mail", "cn", "displayName", "memberOf"],
          sizeLimit: 2,
        });
        const entry = searchEntries.length === 1 ? searchEntries[0] : undefined;
        if (!entry) return { ok: false, reason: "invalid_credentials" };
        personal = await connect();
        try {
          await personal.bind(entry.dn, password);
        } catch (err) {
          if (err instanceof InvalidCredentialsError) return { ok: false, reason: "invalid_credentials" };
          throw err;
        }
        const dn = Filter.escape(entry.dn);
        const uid = Filter.escape(username);
        const { searchEntries: groups } = await service.search(config.groupBase, {
          scope: "sub",
          filter: `(|(member=${dn})(uniqueMember=${dn})(memberUid=${uid}))`,
          attributes: ["cn"],
        });
        const names = new Set<string>();
        for (const g of groups) {
          const cn = first(g.cn);
          if (cn) names.add(cn);
        }
        for (const memberOf of all(entry.memberOf)) {
          const cn = cnOf(memberOf);
          if (cn) names.add(cn);
        }
        setStatus({ isAvailable: true });
        return {
          ok: true,
          person: {
            dn: entry.dn,
            email: first(entry.mail),
            displayName: first(entry.displayName) ?? first(entry.cn),
            groups: [...names],
          },
        };
      } finally {
        await personal?.unbind().catch(() => undefined);
        await service?.unbind().catch(() => undefined);
      }
    },
  };
}

export type LdapClient = ReturnType<typeof createLdapClient>;
