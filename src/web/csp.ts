/**
 * Content-Security-Policy support. The server sends `style-src 'self' 'nonce-…'` and writes the nonce into
 * `<meta name="csp-nonce">`. antd takes the nonce through `ConfigProvider csp`, but a few of its helpers
 * (the modal/drawer scroll locker, the scrollbar-size probe) create `<style>` tags without it; the browser
 * would refuse them. Every script on the page is first-party (`script-src 'self'`), so stamping the nonce on
 * every `<style>` element the app creates does not widen what the policy allows.
 */

const PLACEHOLDER = "__CSP_NONCE__";

/** The per-request nonce, or `undefined` when the page was not served through the API server (Vite dev). */
export function readCspNonce(): string | undefined {
  const content = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  return content && content !== PLACEHOLDER ? content : undefined;
}

/** Makes `document.createElement("style")` return elements carrying the nonce. */
export function stampNonceOnStyles(nonce: string): void {
  const original = Document.prototype.createElement;
  function createElementWithNonce(
    this: Document,
    tagName: string,
    options?: ElementCreationOptions,
  ): HTMLElement {
    const element = original.call(this, tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  }
  Document.prototype.createElement = createElementWithNonce as typeof Document.prototype.createElement;
}
