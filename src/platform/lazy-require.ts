/**
 * A CommonJS package loaded on its first use instead of when the server starts. Libraries that only
 * some work needs (HTML and XML parsing, charset tables) are tens of megabytes each; a process that
 * never polls a feed should not carry them.
 *
 * @example const xml = lazyRequire<typeof import("fast-xml-parser")>("fast-xml-parser");
 *          new (xml().XMLParser)(options);
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function lazyRequire<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(specifier) as T;
    return loaded;
  };
}
