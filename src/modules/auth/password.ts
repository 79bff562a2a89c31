/** Password hashing with argon2id (OWASP parameters) and generation of one-time passwords. */
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import { createKeyedLimiter } from "../../platform/limiter.js";

// Algorithm.Argon2id (a const enum, unusable under verbatimModuleSyntax).
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Each hash takes ~19 MiB and tens of milliseconds of a core on libuv's thread pool (four threads), which
 * file reads and writes share. A burst of sign-ins (a whole committee on a Monday morning) would fill the
 * pool and make every upload wait behind it. So at most (cores − 1) hashes run at once, one on a two-core
 * machine, and the rest queue in order. The pool is per process, so this limiter is too.
 */
const hashing = createKeyedLimiter(Math.max(1, availableParallelism() - 1));
const HASHING = "argon2";

export const hashPassword = (password: string): Promise<string> =>
  hashing.run(HASHING, () => hash(password, OPTIONS));

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await hashing.run(HASHING, () => verify(hashed, password));
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
