/**
 * Debian's OpenLDAP server (`slapd`) for the LDAP sign-in tests: a throw-away directory in a temp
 * folder (people, groups), a CA and a server certificate for 127.0.0.1 made here with the `openssl`
 * CLI, TLS required for every operation (`security tls=1`), StartTLS on an ldap:// port and an
 * ldaps:// port, both free ports on 127.0.0.1.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port.js";

export const SLAPD = "/usr/sbin/slapd";
export const BASE_DN = "dc=thanhpho,dc=vn";
export const BIND_DN = `cn=haidang,ou=services,${BASE_DN}`;
export const BIND_PASSWORD = "service-password-123";

export interface DirectoryPerson {
  uid: string;
  cn: string;
  mail?: string;
  password: string;
  groups: string[];
}

export interface TestDirectory {
  /** ldap:// (StartTLS) URL. */
  url: string;
  /** ldaps:// URL. */
  ldapsUrl: string;
  caFile: string;
  /** A CA that did not sign the server's certificate. */
  otherCaFile: string;
  close(): Promise<void>;
}

export const isSlapdInstalled = () => fs.existsSync(SLAPD);

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`slapd did not listen on ${port}`);
}

function makeCertificates(dir: string) {
  const ssl = (args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  for (const ca of ["ca", "other-ca"]) {
    ssl([
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      `${ca}.key`,
      "-out",
      `${ca}.pem`,
      "-days",
      "2",
      "-subj",
      `/CN=Test ${ca}`,
    ]);
  }
  ssl([
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "server.key",
    "-out",
    "server.csr",
    "-subj",
    "/CN=127.0.0.1",
  ]);
  fs.writeFileSync(path.join(dir, "san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  ssl([
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-out",
    "server.pem",
    "-days",
    "2",
    "-extfile",
    "san.ext",
  ]);
}

function ldif(people: DirectoryPerson[]): string {
  const groups = [...new Set(people.flatMap((p) => p.groups))];
  const entries = [
    `dn: ${BASE_DN}\nobjectClass: dcObject\nobjectClass: organization\ndc: thanhpho\no: Thanh pho`,
    `dn: ou=people,${BASE_DN}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ou=groups,${BASE_DN}\nobjectClass: organizationalUnit\nou: groups`,
    `dn: ou=services,${BASE_DN}\nobjectClass: organizationalUnit\nou: services`,
    `dn: ${BIND_DN}\nobjectClass: person\ncn: haidang\nsn: service\nuserPassword: ${BIND_PASSWORD}`,
    ...people.map((p) =>
      [
        `dn: uid=${p.uid},ou=people,${BASE_DN}`,
        "objectClass: inetOrgPerson",
        `uid: ${p.uid}`,
        `cn:: ${Buffer.from(p.cn).toString("base64")}`,
        `sn: ${p.uid}`,
        ...(p.mail ? [`mail: ${p.mail}`] : []),
        `userPassword: ${p.password}`,
      ].join("\n"),
    ),
    ...groups.map((g) =>
      [
        `dn: cn=${g},ou=groups,${BASE_DN}`,
        "objectClass: groupOfNames",
        `cn: ${g}`,
        ...people.filter((p) => p.groups.includes(g)).map((p) => `member: uid=${p.uid},ou=people,${BASE_DN}`),
      ].join("\n"),
    ),
  ];
  return `${entries.join("\n\n")}\n`;
}

export async function startTestDirectory(people: DirectoryPerson[]): Promise<TestDirectory> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haidang-slapd-"));
  fs.mkdirSync(path.join(dir, "db"));
  makeCertificates(dir);
  const conf = path.join(dir, "slapd.conf");
  fs.writeFileSync(
    conf,
    [
      ...["core", "cosine", "inetorgperson", "nis"].map((s) => `include /etc/ldap/schema/${s}.schema`),
      "modulepath /usr/lib/ldap",
      "moduleload back_mdb",
      `pidfile ${dir}/slapd.pid`,
      `TLSCACertificateFile ${dir}/ca.pem`,
      `TLSCertificateFile ${dir}/server.pem`,
      `TLSCertificateKeyFile ${dir}/server.key`,
      // Every operation needs TLS: a plain bind is refused.
      "security tls=1",
      "database mdb",
      `suffix "${BASE_DN}"`,
      `rootdn "cn=admin,${BASE_DN}"`,
      `directory ${dir}/db`,
      "access to attrs=userPassword by anonymous auth by * none",
      "access to * by users read by * none",
      "",
    ].join("\n"),
  );
  fs.writeFileSync(path.join(dir, "data.ldif"), ldif(people));
  execFileSync("/usr/sbin/slapadd", ["-f", conf, "-l", path.join(dir, "data.ldif")], { stdio: "pipe" });
  const [port, ldapsPort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(
    SLAPD,
    ["-f", conf, "-h", `ldap://127.0.0.1:${port}/ ldaps://127.0.0.1:${ldapsPort}/`, "-d", "0"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  try {
    await waitForPort(port, 10_000);
    await waitForPort(ldapsPort, 10_000);
  } catch (err) {
    child.kill("SIGKILL");
    throw new Error(`${(err as Error).message}: ${stderr.slice(-2000)}`);
  }
  return {
    url: `ldap://127.0.0.1:${port}`,
    ldapsUrl: `ldaps://127.0.0.1:${ldapsPort}`,
    caFile: path.join(dir, "ca.pem"),
    otherCaFile: path.join(dir, "other-ca.pem"),
    async close() {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
