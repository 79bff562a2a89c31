import { useEffect, useState } from "react";
import { ocrApi } from "./ocr-api";
import type { DoubtfulLine } from "./SourceText";

/** Lines of an OCR draft that OCR was unsure of, by line number; empty for drafts not made by OCR. */
export function useOcrConfidence(
  draftId: string,
  sourceType: string | undefined,
): ReadonlyMap<number, DoubtfulLine> {
  const [lines, setLines] = useState<ReadonlyMap<number, DoubtfulLine>>(new Map());
  useEffect(() => {
    if (sourceType !== "pdf-ocr") return;
    const controller = new AbortController();
    ocrApi
      .confidence(draftId, controller.signal)
      .then((c) => setLines(new Map(c.lowLines.map((l) => [l.line, { mean: l.mean, min: l.min }]))))
      .catch(() => {
        // Without the confidences the text is still shown, only not marked.
      });
    return () => controller.abort();
  }, [draftId, sourceType]);
  return lines;
}
