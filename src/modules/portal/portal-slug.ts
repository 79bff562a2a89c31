/** Slugs for the public site: readable words of the title, any script, lower case, joined by hyphens. */
import { foldVietnamese } from "../../shared/text/fold.js";

/** "Cảng Hải Phòng đón tàu 200.000 tấn" → "cang-hai-phong-don-tau-200-000-tan"; "海防港" → "海防港". */
export function slugify(title: string): string {
  const slug = foldVietnamese(title)
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
  const cut = [...slug].slice(0, 80).join("").replace(/-+$/g, "");
  return cut || "bai-viet";
}
