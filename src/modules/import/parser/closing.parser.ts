/**
 * Reads the closing of a document: "Nơi nhận" (recipients with their purpose) and the signature block
 * (authority lines and the signer's name). In two-column copy-paste the two blocks may be interleaved in
 * `|` cells; they are told apart by their shape, not their order.
 */
import { flattenColumns } from "./header.parser.js";
import { isRule, type Line } from "./layout.parser.js";
import type { ParseWarning, Recipient, Signature } from "./parsed-programme.types.js";
import { isUpperCaseText } from "./text.normalize.js";

const RECIPIENTS_HEAD = /^Nơi nhận\s*:?\s*(.*)$/iu;
const BULLET = /^[-–—+•]\s*/;
const SIGNED_NOTE = /^\(?\s*(đã ký|ký tên|ký, đóng dấu|ký và đóng dấu|signed)/iu;
const CONNECTOR = /^(kiêm|và)$/u;
const PERSON_NAME = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;

/** Parses the closing region; warns when the signature or recipients are missing. */
export function parseClosing(lines: Line[]): {
  signature: Signature | null;
  recipients: Recipient[];
  warnings: ParseWarning[];
} {
  const recipients: Recipient[] = [];
  const authority: string[] = [];
  let name: string | null = null;
  let inRecipients = false;
  for (const item of flattenColumns(lines)) {
    const text = item.text.trim();
    if (text === "" || text === "*" || isRule(text) || SIGNED_NOTE.test(text)) continue;
    const head = RECIPIENTS_HEAD.exec(text);
    if (head) {
      inRecipients = true;
      if (head[1]) recipients.push(recipient(head[1]));
      continue;
    }
    if (inRecipients && BULLET.test(text)) {
      recipients.push(recipient(text));
      continue;
    }
    const lastRecipient = recipients.at(-1);
    if (inRecipients && lastRecipient && /^[\p{Ll}(]/u.test(text) && !CONNECTOR.test(text)) {
      // A recipient wrapped in a narrow column: re-read the whole line for its "(để …)" purpose.
      const whole = recipient(
        `${lastRecipient.name}${lastRecipient.purpose ? ` (${lastRecipient.purpose})` : ""} ${text}`,
      );
      lastRecipient.name = whole.name;
      lastRecipient.purpose = whole.purpose;
      continue;
    }
    inRecipients = false;
    // Column order may put the name before the authority (PDF, flattened tables), so both are collected.
    if (isUpperCaseText(text) && !PERSON_NAME.test(text)) authority.push(text);
    else if (CONNECTOR.test(text) && authority.length > 0) authority.push(text);
    else if (PERSON_NAME.test(text)) name = text;
  }
  const warnings: ParseWarning[] = [];
  const line = lines.find((l) => l.text.trim() !== "")?.no ?? null;
  if (authority.length === 0 && name === null) {
    warnings.push({
      code: "signature_missing",
      message: "Không tìm thấy phần ký văn bản",
      line,
      taskRef: null,
    });
  }
  if (recipients.length === 0) {
    warnings.push({
      code: "recipients_missing",
      message: "Không tìm thấy phần Nơi nhận",
      line,
      taskRef: null,
    });
  }
  const signature =
    authority.length > 0 || name !== null ? { authority: joinAuthority(authority), name } : null;
  return { signature, recipients, warnings };
}

/** "PHÓ BÍ THƯ" + "kiêm" + "TRƯỞNG BAN" read as one title; separate levels ("TM. …", "KT. …") joined by " / ". */
function joinAuthority(lines: string[]): string {
  let out = "";
  lines.forEach((line, i) => {
    if (i === 0) out = line;
    else if (CONNECTOR.test(line) || CONNECTOR.test(lines[i - 1] ?? "")) out = `${out} ${line}`;
    else out = `${out} / ${line}`;
  });
  return out;
}

function recipient(text: string): Recipient {
  const clean = text
    .replace(BULLET, "")
    .replace(/[,;.]+$/, "")
    .trim();
  const purpose = /\s*\((để\s[^)]+|b\/c|t\/h|p\/h)\)$/iu.exec(clean);
  if (!purpose?.[1]) return { name: clean, purpose: null };
  return { name: clean.slice(0, purpose.index).trim(), purpose: purpose[1].trim() };
}
