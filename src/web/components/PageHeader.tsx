import { Typography } from "antd";
import type { ReactNode } from "react";
import { usePageTitle } from "./use-page-title";

/** The page's single <h1>, an optional description and the page-level actions. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <div className="hd-page-header">
      <div>
        <Typography.Title level={1} className="hd-page-title">
          {title}
        </Typography.Title>
        {description && (
          <Typography.Paragraph type="secondary" className="hd-page-description">
            {description}
          </Typography.Paragraph>
        )}
      </div>
      {actions && <div className="hd-page-actions">{actions}</div>}
    </div>
  );
}
