import { type ReactNode, useId } from "react";

/** A labelled control for the review editors (which edit nested state without an antd Form). */
export function Field({
  label,
  children,
  className,
}: {
  label: string;
  children: (id: string) => ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className ? `hd-field ${className}` : "hd-field"}>
      <label htmlFor={id} className="hd-field-label">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

/**
 * Rows for a textarea from its content. antd's `autoSize` measures with a hidden textarea styled through a
 * `style` attribute, which the Content-Security-Policy (`style-src` without 'unsafe-inline') refuses.
 */
export function rowsFor(text: string, min: number, max: number, charsPerRow = 80): number {
  const rows = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / charsPerRow)), 0);
  return Math.min(max, Math.max(min, rows));
}
