import { Pagination, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** Lines shown at once; long extractions (a 200-page PDF) are paged rather than rendered whole. */
const LINES_PER_PAGE = 400;

export interface LineRange {
  start: number;
  end: number;
  /** Changes on every request, so that selecting the same range again scrolls again. */
  nonce: number;
}

/** Confidence of a line OCR was unsure of: mean and weakest word, 0–100. */
export interface DoubtfulLine {
  mean: number;
  min: number;
}

/**
 * The extracted text with line numbers; the highlighted range is scrolled into view. Lines OCR was unsure
 * of (`doubtful`, by line number) are marked so the reviewer checks them against the scan.
 */
export function SourceText({
  lines,
  highlight,
  doubtful,
}: {
  lines: string[];
  highlight: LineRange | null;
  doubtful?: ReadonlyMap<number, DoubtfulLine>;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const scroller = useRef<HTMLDivElement>(null);

  // Jump to the page holding the highlight, then scroll the first highlighted line into the upper third.
  useEffect(() => {
    if (!highlight) return;
    setPage(Math.floor((Math.max(highlight.start, 1) - 1) / LINES_PER_PAGE) + 1);
  }, [highlight]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `page` re-runs the scroll once the new page has rendered.
  useEffect(() => {
    if (!highlight || !scroller.current) return;
    const target = scroller.current.querySelector<HTMLElement>(`[data-line="${highlight.start}"]`);
    if (!target) return;
    const box = scroller.current;
    box.scrollTo({ top: Math.max(target.offsetTop - box.clientHeight / 4, 0), behavior: "smooth" });
  }, [highlight, page]);

  const first = (page - 1) * LINES_PER_PAGE;
  const visible = lines.slice(first, first + LINES_PER_PAGE);
  const isLit = (n: number) => highlight !== null && n >= highlight.start && n <= highlight.end;

  return (
    <section className="hd-source" aria-label={t("imports.sourceText")}>
      <div className="hd-source-head">
        <Typography.Text strong>{t("imports.sourceText")}</Typography.Text>
        {doubtful && doubtful.size > 0 && (
          <Typography.Text type="warning" data-testid="ocr-doubtful-count">
            {t("imports.ocr.doubtfulCount", { count: doubtful.size })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {highlight
            ? t("imports.linesShown", { start: highlight.start, end: highlight.end })
            : t("imports.lineCount", { count: lines.length })}
        </Typography.Text>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it. */}
      <div className="hd-source-body" ref={scroller} tabIndex={0} data-testid="source-text">
        <ol className="hd-source-lines" start={first + 1}>
          {visible.map((line, i) => {
            const n = first + i + 1;
            const doubt = doubtful?.get(n);
            const classes = ["hd-source-line", isLit(n) ? "is-lit" : "", doubt ? "is-doubtful" : ""];
            return (
              <li
                key={n}
                data-line={n}
                className={classes.filter(Boolean).join(" ")}
                aria-current={isLit(n) && n === highlight?.start ? "true" : undefined}
                title={
                  doubt ? t("imports.ocr.doubtfulLine", { mean: doubt.mean, min: doubt.min }) : undefined
                }
              >
                <span className="hd-source-no" aria-hidden>
                  {n}
                </span>
                <span className="hd-source-txt">{line || "\u00a0"}</span>
              </li>
            );
          })}
        </ol>
      </div>
      {lines.length > LINES_PER_PAGE && (
        <Pagination
          size="small"
          simple
          current={page}
          pageSize={LINES_PER_PAGE}
          total={lines.length}
          onChange={setPage}
          className="hd-source-pager"
        />
      )}
    </section>
  );
}
