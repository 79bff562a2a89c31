/**
 * Demo budget proposals, visual installations and communication plans, so that their registers, the
 * task pages and the reports show real-looking figures after `npm start`. Amounts, places and plans are
 * invented for the demo; districts and landmarks are Hải Phòng's own.
 */
import type { Services } from "../../main.js";
import type { RequestContext } from "../../platform/context.js";
import type { CreateBudgetItemBody } from "../../shared/api/budget.js";
import type { CreatePlanItemBody } from "../../shared/api/events.js";
import type { CreateInstallationBody } from "../../shared/api/installations.js";
import { todayInHoChiMinh } from "../follow-up/calendar/calendar.clock.js";

/** Budget items of the current year and the one before, with the task ref each one serves. */
function demoBudget(year: number): (CreateBudgetItemBody & { unit: string; taskRef: string | null })[] {
  const y = (m: string, offset = 0) => `${year - offset}-${m}`;
  return [
    {
      title: "Sản xuất phim tài liệu quảng bá hình ảnh Hải Phòng (tiếng Việt, tiếng Anh)",
      year,
      proposedOn: y("02-15"),
      status: "disbursed",
      proposedAmount: 450_000_000,
      approvedAmount: 400_000_000,
      disbursedAmount: 380_000_000,
      unit: "Sở Thông tin và Truyền thông",
      taskRef: "7",
    },
    {
      title: "Xuất bản ấn phẩm đối ngoại song ngữ “Hải Phòng – Thành phố Cảng”",
      year,
      proposedOn: y("03-01"),
      status: "approved",
      proposedAmount: 180_000_000,
      approvedAmount: 150_000_000,
      unit: "Ban Tuyên giáo Thành ủy",
      taskRef: "7",
    },
    {
      title: "Tổ chức đón đoàn phóng viên báo chí nước ngoài",
      year,
      proposedOn: y("03-20"),
      status: "disbursed",
      proposedAmount: 220_000_000,
      approvedAmount: 200_000_000,
      disbursedAmount: 185_000_000,
      unit: "Sở Ngoại vụ",
      taskRef: "5",
    },
    {
      title: "Pano, màn hình LED tuyên truyền kỷ niệm Ngày giải phóng Hải Phòng",
      year,
      proposedOn: y("04-02"),
      status: "approved",
      proposedAmount: 350_000_000,
      approvedAmount: 300_000_000,
      unit: "Sở Văn hóa và Thể thao",
      taskRef: "7",
    },
    {
      title: "Tập huấn nghiệp vụ thông tin đối ngoại cho cán bộ cơ sở",
      year,
      proposedOn: y("05-10"),
      status: "proposed",
      proposedAmount: 120_000_000,
      unit: "Ban Tuyên giáo Thành ủy",
      taskRef: "15",
    },
    {
      title: "Chuyên mục đối ngoại trên sóng truyền hình thành phố",
      year,
      proposedOn: y("06-05"),
      status: "proposed",
      proposedAmount: 260_000_000,
      unit: "Đài Phát thanh và Truyền hình Hải Phòng",
      taskRef: null,
    },
    {
      title: "Quảng bá du lịch Hải Phòng tại hội chợ quốc tế",
      year: year - 1,
      proposedOn: y("09-12", 1),
      status: "disbursed",
      proposedAmount: 500_000_000,
      approvedAmount: 450_000_000,
      disbursedAmount: 450_000_000,
      unit: "Sở Du lịch",
      taskRef: null,
    },
  ];
}

function demoInstallations(
  year: number,
): (CreateInstallationBody & { unit: string; taskRef: string | null })[] {
  const theme = "Kỷ niệm Ngày giải phóng Hải Phòng (13/5)";
  return [
    {
      title: "Pano cửa ngõ cao tốc Hà Nội – Hải Phòng",
      kind: "billboard",
      address: "Nút giao Đình Vũ, cao tốc Hà Nội – Hải Phòng",
      district: "hai_an",
      latitude: 20.8265,
      longitude: 106.7421,
      widthM: 24,
      heightM: 8,
      themes: [theme, "Hải Phòng – Thành phố Cảng xanh"],
      status: "installed",
      installedOn: `${year}-04-25`,
      unit: "Sở Văn hóa và Thể thao",
      taskRef: "7",
    },
    {
      title: "Màn hình LED Quảng trường Nhà hát Lớn",
      kind: "led_screen",
      address: "Quảng trường Nhà hát Lớn, phố Hoàng Văn Thụ",
      district: "hong_bang",
      latitude: 20.8589,
      longitude: 106.6826,
      widthM: 10,
      heightM: 6,
      themes: [theme],
      status: "installed",
      installedOn: `${year}-04-28`,
      unit: "Sở Văn hóa và Thể thao",
      taskRef: "7",
    },
    {
      title: "Pano cửa ngõ sân bay quốc tế Cát Bi",
      kind: "billboard",
      address: "Đường Lê Hồng Phong, gần Cảng hàng không Cát Bi",
      district: "hai_an",
      latitude: 20.8232,
      longitude: 106.7152,
      widthM: 18,
      heightM: 6,
      themes: ["Chào mừng du khách đến Hải Phòng"],
      status: "installed",
      installedOn: `${year}-03-15`,
      unit: "Sở Du lịch",
      taskRef: null,
    },
    {
      title: "Bảng tin cổ động khu du lịch Đồ Sơn",
      kind: "panel",
      address: "Khu 2, bãi tắm Đồ Sơn",
      district: "do_son",
      latitude: 20.7055,
      longitude: 106.7807,
      widthM: 6,
      heightM: 3,
      themes: ["Năm Du lịch quốc gia"],
      status: "installed",
      installedOn: `${year}-05-02`,
      unit: "Sở Du lịch",
      taskRef: null,
    },
    {
      title: "Màn hình LED trung tâm thành phố Thủy Nguyên",
      kind: "led_screen",
      address: "Quảng trường trung tâm Thủy Nguyên",
      district: "thuy_nguyen",
      themes: [theme],
      status: "installed",
      installedOn: `${year}-05-05`,
      unit: "Sở Văn hóa và Thể thao",
      taskRef: null,
    },
    {
      title: "Pano đảo Cát Bà – Di sản thiên nhiên thế giới",
      kind: "billboard",
      address: "Bến tàu Cái Viềng, Cát Bà",
      district: "cat_hai",
      latitude: 20.7961,
      longitude: 107.0433,
      widthM: 12,
      heightM: 6,
      themes: ["Quần đảo Cát Bà – Di sản thiên nhiên thế giới"],
      status: "installed",
      installedOn: `${year}-06-10`,
      unit: "Sở Du lịch",
      taskRef: null,
    },
    {
      title: "Pano khu công nghiệp Tràng Duệ",
      kind: "billboard",
      address: "Cổng khu công nghiệp Tràng Duệ",
      district: "an_duong",
      themes: ["Hải Phòng – điểm đến của nhà đầu tư"],
      status: "installed",
      installedOn: `${year}-06-20`,
      unit: "Ban Quản lý Khu kinh tế Hải Phòng",
      taskRef: null,
    },
    {
      title: "Màn hình LED đường Lạch Tray",
      kind: "led_screen",
      address: "Ngã tư Lạch Tray – Văn Cao",
      district: "ngo_quyen",
      themes: ["Chào mừng Quốc khánh 2/9"],
      status: "approved",
      unit: "Sở Văn hóa và Thể thao",
      taskRef: null,
    },
    {
      title: "Bảng tin đối ngoại xã Vĩnh Bảo",
      kind: "panel",
      address: "Trung tâm huyện Vĩnh Bảo",
      district: "vinh_bao",
      themes: ["Người Hải Phòng ở nước ngoài"],
      status: "proposed",
      unit: "Ban Tuyên giáo Thành ủy",
      taskRef: null,
    },
  ];
}

/** Plan items of the liberation-day anniversary of the current year. */
function demoPlan(year: number): (CreatePlanItemBody & { unit: string; taskRef: string | null })[] {
  return [
    {
      product: "Phóng sự truyền hình “70 năm Hải Phòng giải phóng”",
      channel: "television",
      languages: ["vi", "en"],
      deadline: `${year}-05-05`,
      unit: "Đài Phát thanh và Truyền hình Hải Phòng",
      taskRef: "7",
    },
    {
      product: "Bộ ảnh tư liệu trên Cổng thông tin đối ngoại",
      channel: "portal",
      languages: ["vi", "en", "zh"],
      deadline: `${year}-05-08`,
      unit: "Sở Thông tin và Truyền thông",
      taskRef: "7",
    },
    {
      product: "Loạt bài “Hải Phòng – Thành phố Cảng vươn ra biển lớn”",
      channel: "press",
      languages: ["vi"],
      deadline: `${year}-05-10`,
      unit: "Báo Hải Phòng",
      taskRef: null,
    },
    {
      product: "Pano, màn hình LED tại các cửa ngõ",
      channel: "outdoor",
      languages: ["vi", "en"],
      deadline: `${year}-04-30`,
      unit: "Sở Văn hóa và Thể thao",
      taskRef: "7",
    },
  ];
}

/** Seeds the three; the task links go through the registers core. Returns how many entries were made. */
export async function seedDemoBudgetAndInstallations(
  services: Services,
  ctx: RequestContext,
  options: { taskIds: Map<string, string>; year?: number },
): Promise<number> {
  const year = options.year ?? Number(todayInHoChiMinh().slice(0, 4));
  const units = new Map(
    (await services.db.selectFrom("units").select(["id", "name"]).execute()).map((u) => [u.name, u.id]),
  );
  const link = async (kind: string, recordId: string, taskRef: string | null) => {
    const taskId = taskRef ? options.taskIds.get(taskRef) : undefined;
    if (taskId) await services.registers.link(ctx, taskId, { kind, recordId });
  };
  let count = 0;
  for (const { unit, taskRef, ...item } of demoBudget(year)) {
    const row = await services.budget.create(ctx, { ...item, unitId: units.get(unit) ?? null });
    await link("budget_item", row.id, taskRef);
    count++;
  }
  for (const { unit, taskRef, ...item } of demoInstallations(year)) {
    const row = await services.installations.create(ctx, { ...item, unitId: units.get(unit) ?? null });
    await link("installation", row.id, taskRef);
    count++;
  }
  const liberation = await services.db
    .selectFrom("events")
    .select("id")
    .where("title", "=", "Ngày giải phóng Hải Phòng")
    .executeTakeFirst();
  if (liberation) {
    for (const { unit, taskRef, ...item } of demoPlan(year)) {
      const taskId = taskRef ? options.taskIds.get(taskRef) : undefined;
      await services.eventPlans.create(ctx, liberation.id, {
        ...item,
        unitId: units.get(unit) ?? null,
        taskId: taskId ?? null,
      });
      count++;
    }
  }
  return count;
}
