/**
 * LDAP sign-in against Debian's slapd started here (throw-away directory, CA and server certificate
 * made with openssl, TLS required): StartTLS and LDAPS; roles from groups; a wrong password, an
 * unknown user and a user in no mapped group refused; filter characters in the user name taken
 * literally (no LDAP injection); a server whose certificate the configured CA did not sign, and an
 * unreachable one, reported as unavailable while password sign-in keeps working.
 */
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userFilterFor } from "../../src/modules/auth/ldap/ldap.client.js";
import { createLoggerOptions } from "../../src/platform/http/request-log.js";
import type { App } from "../../src/platform/http/types.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildPerson } from "../support/factories.js";
import { rawRequest, signIn } from "../support/http.js";
import {
  BASE_DN,
  BIND_DN,
  BIND_PASSWORD,
  isSlapdInstalled,
  startTestDirectory,
  type TestDirectory,
} from "../support/slapd.js";

const people = [
  {
    uid: "an",
    cn: "Nguyễn Thị An",
    mail: "an@thanhpho.vn",
    password: "mat-khau-An-1",
    groups: ["hd-secretariat-staff", "hd-members"],
  },
  {
    uid: "binh",
    cn: "Trần Bình",
    mail: "binh@thanhpho.vn",
    password: "mat-khau-Binh-2",
    groups: ["payroll"],
  },
  {
    uid: "dung",
    cn: "Phạm Dũng",
    mail: "dung@thanhpho.vn",
    password: "mat-khau-Dung-4",
    groups: ["hd-members"],
  },
  {
    uid: "cuong",
    cn: "Lê Cường",
    mail: "cuong@thanhpho.vn",
    password: "mat-khau-Cuong-3",
    groups: ["hd-members"],
  },
];

function ldapEnv(directory: TestDirectory, overrides: Record<string, string> = {}) {
  return {
    HAIDANG_LDAP_URL: directory.url,
    HAIDANG_LDAP_CA_FILE: directory.caFile,
    HAIDANG_LDAP_BIND_DN: BIND_DN,
    HAIDANG_LDAP_BIND_PASSWORD: BIND_PASSWORD,
    HAIDANG_LDAP_USER_BASE: `ou=people,${BASE_DN}`,
    HAIDANG_LDAP_USER_FILTER: "(&(objectClass=inetOrgPerson)(uid={username}))",
    HAIDANG_LDAP_GROUP_BASE: `ou=groups,${BASE_DN}`,
    HAIDANG_LDAP_ROLE_MAP: "hd-members=member,hd-secretariat-staff=editor",
    ...overrides,
  };
}

const ldapLogin = (app: App, username: string, password: string) =>
  rawRequest(app, "POST", "/api/auth/ldap/login", { body: { username, password } });
const codeOf = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;

describe("LDAP filter escaping", () => {
  it("takes *, (, ) and \\ in a user name literally (RFC 4515)", () => {
    expect(userFilterFor("(uid={username})", "a*")).toBe("(uid=a\\2a)");
    expect(userFilterFor("(uid={username})", "x)(uid=*")).toBe("(uid=x\\29\\28uid=\\2a)");
    expect(userFilterFor("(uid={username})", "a\\b")).toBe("(uid=a\\5cb)");
  });
});

describe.skipIf(!isSlapdInstalled() && process.env.CI !== "true").each(dialects())(
  "LDAP sign-in on %s",
  (dialect) => {
    let directory: TestDirectory;
    let t: TestPlatform;
    let app: App;

    beforeAll(async () => {
      directory = await startTestDirectory(people);
      t = await startTestPlatform({ dialect, env: ldapEnv(directory) });
      app = t.platform.app;
      const admin = await signIn(app, t.adminEmail, t.adminPassword);
      await buildPerson(admin, { fullName: "Nguyễn Thị An", email: "an@thanhpho.vn" });
      await buildPerson(admin, { fullName: "Trần Bình", email: "binh@thanhpho.vn" });
    });
    afterAll(async () => {
      await t?.close();
      await directory?.close();
    });

    it("tells the sign-in page that LDAP is available", async () => {
      const res = await rawRequest(app, "GET", "/api/auth/methods");
      expect(res.body).toMatchObject({ ldap: { isConfigured: true, isAvailable: true } });
    });

    it("signs in over StartTLS with roles from the directory's groups, as the directory person", async () => {
      const res = await ldapLogin(app, "an", "mat-khau-An-1");
      expect(res.status).toBe(200);
      const body = res.body as { user: { email: string; roles: string[]; personId: string | null } };
      expect(body.user.email).toBe("an@thanhpho.vn");
      expect(body.user.roles.sort()).toEqual(["editor", "member"]);
      expect(body.user.personId).toBeTruthy();
      expect(String(res.headers["set-cookie"])).toMatch(/^hd_session=/);
    });

    it("refuses a wrong password and an unknown user alike", async () => {
      const wrong = await ldapLogin(app, "an", "not-her-password");
      expect(wrong.status).toBe(401);
      expect(codeOf(wrong)).toBe("ldap_invalid_credentials");
      const unknown = await ldapLogin(app, "nobody", "whatever-123");
      expect(unknown.status).toBe(401);
      expect(codeOf(unknown)).toBe("ldap_invalid_credentials");
    });

    it("slows down password guessing on one directory user: the 6th try waits, even with the right password", async () => {
      for (let i = 0; i < 5; i++) expect((await ldapLogin(app, "dung", `guess-${i}-wrong`)).status).toBe(401);
      const res = await ldapLogin(app, "dung", "mat-khau-Dung-4");
      expect(res.status).toBe(429);
      expect(codeOf(res)).toBe("too_many_attempts");
    });

    it("refuses a user in no mapped group", async () => {
      const res = await ldapLogin(app, "binh", "mat-khau-Binh-2");
      expect(res.status).toBe(403);
      expect(codeOf(res)).toBe("external_no_role");
    });

    it("takes filter characters in the user name literally: a* with An's password is nobody", async () => {
      for (const username of ["a*", "*", "an)(uid=*", "*)(|(uid=*", "an\\"]) {
        const res = await ldapLogin(app, username, "mat-khau-An-1");
        expect(res.status, username).toBe(401);
        expect(res.headers["set-cookie"], username).toBeUndefined();
      }
    });

    it("holds a directory user whose e-mail matches nobody for an administrator", async () => {
      const res = await ldapLogin(app, "cuong", "mat-khau-Cuong-3");
      expect(res.status).toBe(403);
      expect(codeOf(res)).toBe("external_account_pending");
    });

    it("authenticates over LDAPS (a fresh server knows no directory person yet: the account waits)", async () => {
      const other = await startTestPlatform({
        dialect,
        env: ldapEnv(directory, { HAIDANG_LDAP_URL: directory.ldapsUrl }),
      });
      try {
        expect(codeOf(await ldapLogin(other.platform.app, "an", "wrong-password-1"))).toBe(
          "ldap_invalid_credentials",
        );
        const res = await ldapLogin(other.platform.app, "an", "mat-khau-An-1");
        expect(codeOf(res)).toBe("external_account_pending");
      } finally {
        await other.close();
      }
    });

    it("a server certificate the configured CA did not sign: unavailable, logged once, passwords still work", async () => {
      const logged: string[] = [];
      const stream = new PassThrough();
      stream.on("data", (chunk: Buffer) => logged.push(chunk.toString("utf8")));
      const other = await startTestPlatform({
        dialect,
        env: ldapEnv(directory, { HAIDANG_LDAP_CA_FILE: directory.otherCaFile }),
        logger: createLoggerOptions({ level: "info", stream }),
      });
      try {
        const methods = await rawRequest(other.platform.app, "GET", "/api/auth/methods");
        expect(methods.body).toMatchObject({ ldap: { isConfigured: true, isAvailable: false } });
        const res = await ldapLogin(other.platform.app, "an", "mat-khau-An-1");
        expect(res.status).toBe(503);
        expect(codeOf(res)).toBe("sign_in_method_unavailable");
        const lines = logged
          .join("")
          .split("\n")
          .filter((l) => l.includes("LDAP sign-in unavailable"));
        expect(lines).toHaveLength(1);
        expect(logged.join("")).not.toContain(BIND_PASSWORD);
        await signIn(other.platform.app, other.adminEmail, other.adminPassword);
      } finally {
        await other.close();
      }
    });

    it("an unreachable server: unavailable, the server runs", async () => {
      const other = await startTestPlatform({
        dialect,
        env: ldapEnv(directory, { HAIDANG_LDAP_URL: "ldaps://127.0.0.1:9" }),
      });
      try {
        const methods = await rawRequest(other.platform.app, "GET", "/api/auth/methods");
        expect(methods.body).toMatchObject({ ldap: { isConfigured: true, isAvailable: false } });
        await signIn(other.platform.app, other.adminEmail, other.adminPassword);
      } finally {
        await other.close();
      }
    });
  },
);
