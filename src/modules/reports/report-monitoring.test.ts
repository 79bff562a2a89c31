import { describe, expect, it } from "vitest";
import type { MonitoringReportFigures, ReportCase } from "../monitoring/stats/report-figures.js";
import { caseLine, monitoringSection, NO_MONITORING_DATA, taskCaseLines } from "./report-monitoring.js";

const empty = (over: Partial<MonitoringReportFigures> = {}): MonitoringReportFigures => ({
  from: "2023-12-15",
  to: "2024-06-14",
  total: 0,
  outlets: 0,
  byLanguage: {},
  byCountry: {},
  byOutletType: {},
  byTone: {},
  byTopic: {},
  topicNames: {},
  topOutlets: [],
  flaggedFalse: 0,
  cases: [],
  ...over,
});

const aCase = (over: Partial<ReportCase> = {}): ReportCase => ({
  id: "c1",
  title: "Tin đồn cấm xe máy",
  assessment: "misleading",
  state: "in_progress",
  taskId: "t14",
  actions: [],
  outcome: null,
  openedOn: "2024-06-06",
  closedOn: null,
  isOpenedInPeriod: true,
  isClosedInPeriod: false,
  ...over,
});

describe("the monitoring section of a report", () => {
  it("says in one sentence that there is nothing, without a table", () => {
    expect(monitoringSection(empty())).toMatchObject({ paragraphs: [NO_MONITORING_DATA], table: null });
  });

  it("mentions cases carried over from the previous period when nothing new happened", () => {
    const s = monitoringSection(
      empty({ cases: [aCase({ openedOn: "2023-11-02", isOpenedInPeriod: false })] }),
    );
    expect(s.paragraphs.join(" ")).toContain("đang tiếp tục xử lý 1 trường hợp từ kỳ trước");
    expect(s.table).toBeNull();
  });

  it("groups the coverage table by dimension, five categories and the rest", () => {
    const byLanguage = { vi: 10, en: 6, zh: 3, ja: 2, ko: 2, fr: 1, ru: 1 };
    const s = monitoringSection(empty({ total: 25, outlets: 4, byLanguage }));
    expect(s.table?.rows.slice(0, 7)).toEqual([
      { label: "Theo ngôn ngữ", count: null },
      { label: "Tiếng Việt", count: 10 },
      { label: "Tiếng Anh", count: 6 },
      { label: "Tiếng Trung", count: 3 },
      { label: "Tiếng Nhật", count: 2 },
      { label: "Tiếng Hàn", count: 2 },
      { label: "Khác", count: 2 },
    ]);
    expect(s.paragraphs[0]).toContain("15 tin, bài bằng tiếng nước ngoài");
  });

  it("writes a case as of the end of the period: closed after it means still in progress, no outcome yet", () => {
    const c = aCase({ state: "resolved", closedOn: "2024-07-01", outcome: "Đã gỡ bài." });
    expect(caseLine(c, "2024-06-14")).toBe(
      "“Tin đồn cấm xe máy” – thông tin sai lệch, mở ngày 06/06/2024, đang xử lý.",
    );
    expect(caseLine(c, "2024-12-14")).toContain("đã xử lý ngày 01/07/2024; kết quả: Đã gỡ bài.");
    expect(taskCaseLines([c], "2024-12-14")[0]).toBe(
      "Tiếp nhận 1 hồ sơ xử lý thông tin (1 thông tin sai lệch); đã xử lý xong 1, đang xử lý 0.",
    );
  });

  it("counts a case's published rebuttal articles, in its line and in the cases paragraph", () => {
    const c = aCase({ rebuttals: { items: 3, published: 2, languages: 4, views: 130 } });
    expect(caseLine(c, "2024-06-14")).toContain(
      "đăng tải 2 bài phản bác bằng 4 ngôn ngữ trên Cổng Thông tin đối ngoại (130 lượt xem)",
    );
    const s = monitoringSection(empty({ flaggedFalse: 1, cases: [c] }));
    expect(s.paragraphs.join(" ")).toContain(
      "Đã đăng tải 2 bài phản bác trên Cổng Thông tin đối ngoại cho 1 hồ sơ",
    );
    // Linked but not yet published: nothing to claim.
    const unpublished = aCase({ rebuttals: { items: 1, published: 0, languages: 0, views: 0 } });
    expect(caseLine(unpublished, "2024-06-14")).not.toContain("phản bác");
  });

  it("says the city's own channels apart, never inside the press figures", () => {
    const s = monitoringSection(
      empty({
        total: 5,
        outlets: 2,
        byLanguage: { vi: 3, en: 2 },
        byOutletType: { domestic_press: 3, foreign_press: 2 },
        ownChannel: { total: 7, byLanguage: { vi: 4, en: 3 } },
      }),
    );
    const text = s.paragraphs.join(" ");
    expect(text).toContain("ghi nhận 5 tin, bài đề cập đến thành phố");
    expect(text).toContain("2 tin, bài của báo chí nước ngoài");
    expect(text).toContain(
      "các kênh thông tin của thành phố (Cổng Thông tin đối ngoại) đăng 7 tin, bài bằng 2 ngôn ngữ; số này không tính vào",
    );
  });
});
