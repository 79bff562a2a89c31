/**
 * Runs an external tool (pdftotext, pdftoppm, convert, tesseract) as a child process, so a long OCR or a
 * large PDF never blocks the server's event loop. Output is collected up to a cap; an AbortSignal kills the
 * child (cancelled OCR); a missing program is reported as such, distinct from a failure.
 */
import { spawn } from "node:child_process";

export class ToolMissingError extends Error {
  constructor(readonly tool: string) {
    super(`${tool} is not installed`);
  }
}

export class ToolFailedError extends Error {
  constructor(
    readonly tool: string,
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`${tool} failed (exit ${code ?? "signal"}): ${stderr.slice(0, 300)}`);
  }
}

export interface RunToolOptions {
  input?: Uint8Array;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Largest stdout kept (default 64 MB); more fails the run. */
  maxOutputBytes?: number;
  env?: Record<string, string>;
}

/** Runs `tool args…`, resolves with stdout. Rejects with ToolMissingError, ToolFailedError or an AbortError. */
export function runTool(tool: string, args: string[], options: RunToolOptions = {}): Promise<Buffer> {
  const max = options.maxOutputBytes ?? 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(options.signal.reason ?? new Error("aborted"));
      return;
    }
    const child = spawn(tool, args, {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, ...options.env },
      ...(options.signal && { signal: options.signal }),
      ...(options.timeoutMs && { timeout: options.timeoutMs }),
    });
    const out: Buffer[] = [];
    let size = 0;
    let stderr = "";
    let settled = false;
    const finish = (err: Error | null, value?: Buffer) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve(value ?? Buffer.alloc(0));
    };
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        child.kill("SIGKILL");
        finish(new ToolFailedError(tool, null, "output too large"));
        return;
      }
      out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString("utf8");
    });
    child.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") finish(new ToolMissingError(tool));
      else finish(err);
    });
    child.on("close", (code) => {
      if (options.signal?.aborted)
        finish(options.signal.reason instanceof Error ? options.signal.reason : new Error("aborted"));
      else if (code === 0) finish(null, Buffer.concat(out));
      else finish(new ToolFailedError(tool, code, stderr));
    });
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ? Buffer.from(options.input) : undefined);
  });
}

/** True when `tool` can be started (it answers `-v`/`--version`). */
export async function hasTool(tool: string, versionArg = "--version"): Promise<boolean> {
  try {
    await runTool(tool, [versionArg], { timeoutMs: 10_000 });
    return true;
  } catch (err) {
    return !(err instanceof ToolMissingError);
  }
}
