import { useEffect } from "react";

/** Sets `document.title` to "<page> · Hải Đăng" so that tabs, history and screen readers name the page. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Hải Đăng` : "Hải Đăng";
  }, [title]);
}
