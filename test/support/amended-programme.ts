/**
 * The reference programme (02-CTr/BCĐ) as amended on 1/7/2024, for the programme-version tests: task
 * II.16 dropped, II.18 moved up to II.16, a new II.18, and II.19 led by another official.
 */
import fs from "node:fs";
import { referenceProgrammePath } from "../../src/modules/demo/demo-programme.js";

export const REFERENCE_TEXT = fs.readFileSync(referenceProgrammePath(), "utf8");

export function amendedReferenceCopy(): string {
  const source = REFERENCE_TEXT;
  const start = (n: number) => source.indexOf(`\n${n}. `) + 1;
  const end = source.indexOf("\nNơi nhận:") + 1;
  const block = (from: number, to: number) => source.slice(start(from), to === 0 ? end : start(to));
  const old18 = block(18, 19).replace(/^18\. /, "16. ");
  const added = [
    "18. Xây dựng chuyên trang thông tin đối ngoại bằng tiếng Hàn, tiếng Nhật trên Cổng Thông tin đối ngoại đa ngôn ngữ thành phố; giới thiệu các khu công nghiệp và cảng biển tới nhà đầu tư Hàn Quốc, Nhật Bản.",
    "",
    "- *Chỉ đạo thực hiện:* Đồng chí Hoàng Minh Cường.",
    "",
    "- *Tổ chức thực hiện:* Đồng chí Vũ Huy Thường chủ trì; các thành viên Ban Chỉ đạo phối hợp.",
    "",
    "- *Thời gian:* Trong Quý IV/2024.",
    "",
    "",
  ].join("\n");
  const old19 = block(19, 0).replace(
    "Đồng chí Đào Khánh Hà chủ trì; các thành viên Ban Chỉ đạo phối hợp; Tổ Giúp việc.",
    "Đồng chí Phạm Văn Tuấn chủ trì; các thành viên Ban Chỉ đạo phối hợp; Tổ Giúp việc.",
  );
  const text = source.slice(0, start(16)) + old18 + block(17, 18) + added + old19 + source.slice(end);
  return text.replace("Hải Phòng, ngày 13 tháng 3 năm 2024", "Hải Phòng, ngày 01 tháng 7 năm 2024");
}
