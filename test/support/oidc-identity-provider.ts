/**
 * A real OpenID Connect provider (`oidc-provider`) on 127.0.0.1 for the sign-in tests: one
 * confidential client, accounts the test defines, PKCE required, RP-initiated logout on.
 * The test picks who signs in next (`signInAs`), may shorten the code's lifetime, and may have
 * the provider's token answer tampered with (`tamperNextIdToken`: claims of the ID token changed,
 * its signature kept), as an attacker between the two servers would.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type ProviderContext } from "oidc-provider";

export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  signInAs(account: TestAccount): void;
  setCodeTtlSeconds(seconds: number): void;
  /** The next token answer's ID token gets these claims, its signature unchanged. */
  tamperNextIdToken(claims: Record<string, unknown>): void;
  /** Follows the browser's way from our authorization URL to the redirect back to us. */
  authorize(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

const decode = (s: string) =>
  JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Record<string, unknown>;

export async function startTestIdentityProvider(options: {
  redirectUri: string;
  postLogoutRedirectUri: string;
}) {
  const clientId = "haidang-test";
  const clientSecret = "test-client-secret-0123456789abcdef";
  const accounts = new Map<string, TestAccount>();
  let current: TestAccount | undefined;
  let codeTtl = 60;
  let tamper: Record<string, unknown> | undefined;

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    cookies: { keys: ["test-cookie-key-0123456789"] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      groups: ["groups"],
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: {
      // biome-ignore lint/correctness/noComponentHookFactories: oidc-provider's name for the code's lifetime, not a React component
      AuthorizationCode: () => codeTtl,
      AccessToken: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ ...account }) };
    },
    // Consent is taken as given: the city's provider asks its own people, not ours to test.
    async loadExistingGrant(ctx: ProviderContext) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid email profile groups");
      grant.addOIDCClaims(["email", "email_verified", "name", "groups"]);
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();

  server.on("request", (req, res) => {
    void (async () => {
      if (req.url?.startsWith("/interaction/")) {
        if (!current) throw new Error("the test chose nobody to sign in");
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: current.sub } },
          {
            mergeWithLastSubmission: false,
          },
        );
        return;
      }
      if (req.url?.startsWith("/token") && tamper) {
        const claims = tamper;
        tamper = undefined;
        const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => typeof res;
        res.end = ((chunk?: unknown, ...rest: unknown[]) => {
          const text = Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk ?? "");
          const body = JSON.parse(text) as { id_token: string };
          const [h, p, s] = body.id_token.split(".") as [string, string, string];
          // Other claims, the provider's signature kept: it no longer matches.
          const payload = { ...decode(p), ...claims };
          body.id_token = [h, Buffer.from(JSON.stringify(payload)).toString("base64url"), s].join(".");
          const out = JSON.stringify(body);
          res.setHeader("content-length", Buffer.byteLength(out));
          return end(out, ...rest);
        }) as typeof res.end;
      }
      handle(req, res);
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });

  /** Cookies of the provider's own session, as a browser would keep them. */
  const jar = new Map<string, string>();
  async function get(url: string) {
    const res = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(account: TestAccount) {
      accounts.set(account.sub, account);
      current = account;
    },
    setCodeTtlSeconds(seconds: number) {
      codeTtl = seconds;
    },
    tamperNextIdToken(claims: Record<string, unknown>) {
      tamper = claims;
    },
    async authorize(authorizationUrl: string): Promise<URL> {
      jar.clear();
      let url = authorizationUrl;
      for (let hop = 0; hop < 10; hop++) {
        const res = await get(url);
        const location = res.headers.get("location");
        if (!location)
          throw new Error(`provider answered ${res.status} without redirect: ${await res.text()}`);
        const next = new URL(location, url);
        if (next.href.startsWith(options.redirectUri)) return next;
        url = next.href;
      }
      throw new Error("too many redirects at the provider");
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } satisfies TestIdentityProvider;
}
