import type { ReactNode } from "react";

/** A labelled field of the portal's editor and settings; `htmlFor` ties the label to its control when it has an id. */
export function PortalField({
  label,
  htmlFor,
  children,
}: {
  label: string;
  htmlFor?: string;
  children: ReactNode;
}) {
  return (
    <div className="hd-portal-field">
      {htmlFor ? (
        <label className="hd-portal-field-label" htmlFor={htmlFor}>
          {label}
        </label>
      ) : (
        <span className="hd-portal-field-label">{label}</span>
      )}
      {children}
    </div>
  );
}
