/** Password hashing with argon2id (OWASP parameters) and generation of one-time passwords. */
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id (a const enum, unusable under verbatimModuleSyntax).
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A random password that is easy to read aloud over the phone (no 0/O, 1/l). */
export function generatePassword(length = 16): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** A dummy hash so that unknown e-mails take as long to refuse as wrong passwords. */
let dummyHash: Promise<string> | undefined;
export function timingSafeDummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("not-a-real-password-000");
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}
