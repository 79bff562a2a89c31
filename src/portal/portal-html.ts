/**
 * One escaping helper for every server-rendered page: `html` template literals escape every
 * interpolated value unless it is already `SafeHtml` (made by `html` itself or by `trusted` for the
 * sanitised article body). A forgotten escape is therefore impossible by construction.
 */
import { escapeHtml } from "../modules/portal/portal-render.js";

export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

/** Builds HTML, escaping every value that is not already safe. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** HTML that is already sanitised (the rendered article body). */
export const trusted = (value: string) => new SafeHtml(value);

/** JSON for a `<script type="application/ld+json">`: `<` escaped so the text cannot close the script. */
export const jsonLd = (value: unknown) =>
  new SafeHtml(
    JSON.stringify(value)
      .replace(/</g, "\\u003c")
      .replace(/\u2028|\u2029/g, ""),
  );
