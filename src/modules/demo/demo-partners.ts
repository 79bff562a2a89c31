/**
 * Demo partners, training courses and award entries, so that the partners and training registers and the
 * reports' figures show something real-looking after `npm start`. Partner names are public (localities
 * and organisations Hải Phòng works with); every date, agreement title, exchange and course is invented
 * for the demo.
 */
import type { Services } from "../../main.js";
import type { RequestContext } from "../../platform/context.js";
import type { CreatePartnerBody } from "../../shared/api/partners.js";
import type { CreateAwardEntryBody } from "../../shared/api/training.js";

interface DemoPartner {
  partner: CreatePartnerBody;
  agreements?: { title: string; signedOn: string; expiresOn?: string }[];
  exchanges?: {
    on: string;
    direction: "outgoing" | "incoming";
    subject: string;
    channel: "email" | "letter" | "meeting" | "online";
  }[];
  contacts?: { name: string; role: string }[];
  activities?: { on: string; title: string }[];
}

const PARTNERS: DemoPartner[] = [
  {
    partner: {
      kind: "sister_city",
      country: "Nhật Bản",
      nameVi: "Thành phố Kitakyushu",
      nameOriginal: "北九州市",
      sinceDate: "2014-04-15",
      description:
        "Địa phương hữu nghị, hợp tác về cảng biển, môi trường và cấp thoát nước (dữ liệu minh họa).",
    },
    agreements: [
      {
        title: "Biên bản ghi nhớ hợp tác giai đoạn 2024–2027",
        signedOn: "2024-03-12",
        expiresOn: "2027-03-11",
      },
    ],
    exchanges: [
      {
        on: "2026-02-10",
        direction: "outgoing",
        subject: "Gửi ấn phẩm giới thiệu Hải Phòng bằng tiếng Nhật",
        channel: "email",
      },
      {
        on: "2026-03-05",
        direction: "incoming",
        subject: "Thư mời dự Diễn đàn các thành phố cảng châu Á",
        channel: "letter",
      },
      {
        on: "2026-06-18",
        direction: "outgoing",
        subject: "Thông tin về Lễ hội Hoa phượng đỏ 2026",
        channel: "email",
      },
    ],
    contacts: [{ name: "Phòng Quan hệ quốc tế", role: "Đầu mối hợp tác" }],
    activities: [{ on: "2026-05-20", title: "Đoàn Kitakyushu thăm và làm việc tại Hải Phòng" }],
  },
  {
    partner: {
      kind: "sister_city",
      country: "Hàn Quốc",
      nameVi: "Thành phố Incheon",
      nameOriginal: "인천광역시",
      sinceDate: "2007-09-05",
      description: "Địa phương hợp tác về cảng, logistics và giao lưu nhân dân (dữ liệu minh họa).",
    },
    agreements: [
      {
        title: "Thỏa thuận hợp tác về du lịch và xúc tiến đầu tư",
        signedOn: "2026-04-22",
        expiresOn: "2031-04-21",
      },
      {
        title: "Chương trình giao lưu thanh niên 2022–2026",
        signedOn: "2022-01-20",
        expiresOn: "2026-12-31",
      },
    ],
    exchanges: [
      {
        on: "2026-01-15",
        direction: "incoming",
        subject: "Bản tin hợp tác địa phương Việt – Hàn quý I",
        channel: "email",
      },
      {
        on: "2026-04-02",
        direction: "outgoing",
        subject: "Thông tin chuẩn bị đoàn công tác thành phố sang Incheon",
        channel: "email",
      },
      {
        on: "2026-09-10",
        direction: "outgoing",
        subject: "Gửi video giới thiệu Hải Phòng (phụ đề tiếng Hàn)",
        channel: "online",
      },
    ],
  },
  {
    partner: {
      kind: "international_org",
      country: "Hàn Quốc",
      nameVi: "Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)",
      nameOriginal: "Korea International Cooperation Agency",
    },
    exchanges: [
      {
        on: "2026-07-08",
        direction: "incoming",
        subject: "Thông báo chương trình học bổng ngắn hạn",
        channel: "email",
      },
    ],
  },
  {
    partner: {
      kind: "partner_media",
      country: "Lào",
      nameVi: "Báo Pasaxon",
      nameOriginal: "ປະຊາຊົນ",
      description: "Cơ quan báo chí đối tác, trao đổi tin bài về hợp tác địa phương (dữ liệu minh họa).",
    },
    agreements: [
      { title: "Thỏa thuận trao đổi tin, bài 2025–2027", signedOn: "2025-05-10", expiresOn: "2027-01-31" },
    ],
    exchanges: [
      {
        on: "2026-03-25",
        direction: "outgoing",
        subject: "Gửi 5 tin, bài về Hải Phòng bằng tiếng Lào",
        channel: "email",
      },
      {
        on: "2026-08-14",
        direction: "incoming",
        subject: "Nhận 3 bài viết về hợp tác Lào – Hải Phòng",
        channel: "email",
      },
    ],
  },
  {
    partner: {
      kind: "overseas_association",
      country: "Cộng hòa Séc",
      nameVi: "Hội người Hải Phòng tại Séc",
      description: "Cộng đồng người Hải Phòng tại Praha và các vùng lân cận (dữ liệu minh họa).",
      sinceDate: "2012-09-02",
    },
    contacts: [{ name: "Ban liên lạc Hội", role: "Thường trực" }],
    exchanges: [
      {
        on: "2026-01-20",
        direction: "outgoing",
        subject: "Thư chúc Tết Bính Ngọ gửi kiều bào",
        channel: "letter",
      },
      {
        on: "2026-05-05",
        direction: "outgoing",
        subject: "Thông tin kỷ niệm 71 năm Ngày giải phóng Hải Phòng",
        channel: "email",
      },
      {
        on: "2026-10-12",
        direction: "incoming",
        subject: "Đề nghị hỗ trợ tài liệu dạy tiếng Việt cho con em kiều bào",
        channel: "email",
      },
    ],
    activities: [{ on: "2026-02-14", title: "Chương trình Xuân quê hương tại Praha" }],
  },
  {
    partner: {
      kind: "overseas_association",
      country: "Liên bang Nga",
      nameVi: "Hội đồng hương Hải Phòng tại Moskva",
    },
    exchanges: [
      {
        on: "2026-04-28",
        direction: "outgoing",
        subject: "Gửi ấn phẩm Hải Phòng – thành phố Cảng",
        channel: "letter",
      },
    ],
  },
  {
    partner: {
      kind: "city_symbol",
      country: "Nhật Bản",
      nameVi: "Cây phượng đỏ Hải Phòng tại Kitakyushu",
      description: "Biểu tượng hoa phượng đỏ của thành phố trồng tại công viên hữu nghị (dữ liệu minh họa).",
      sinceDate: "2019-05-13",
    },
  },
];

const AWARDS: CreateAwardEntryBody[] = [
  {
    title: "Hải Phòng – cửa ngõ ra biển của miền Bắc",
    authors: "Nhóm phóng viên Đài Phát thanh và Truyền hình Hải Phòng",
    category: "television",
    round: "Lần thứ XI",
    year: 2025,
    submittedOn: "2025-09-15",
    result: "b",
  },
  {
    title: "Phượng đỏ trên đất Cảng",
    authors: "Nguyễn Minh Hoa",
    category: "photo",
    round: "Lần thứ XI",
    year: 2025,
    submittedOn: "2025-09-20",
    result: "consolation",
  },
  {
    title: "Kiều bào Hải Phòng hướng về quê hương",
    authors: "Trần Văn An, Lê Thu Trang",
    category: "online",
    round: "Lần thứ XI",
    year: 2025,
    submittedOn: "2025-09-22",
    result: "not_awarded",
  },
  {
    title: "Cát Bà – di sản thiên nhiên thế giới",
    authors: "Phạm Thị Lan",
    category: "press",
    round: "Lần thứ XII",
    year: 2026,
    submittedOn: "2026-08-30",
    result: "pending",
  },
  {
    title: "Những người giữ biển đảo Bạch Long Vĩ",
    authors: "Nhóm phóng viên Báo Hải Phòng",
    category: "press",
    round: "Lần thứ XII",
    year: 2026,
    submittedOn: "2026-09-05",
    result: "pending",
  },
  {
    title: "Hải Phòng trong mắt bạn bè quốc tế",
    authors: "Vũ Quang Huy",
    category: "radio",
    round: "Lần thứ XII",
    year: 2026,
    submittedOn: "2026-09-10",
    result: "pending",
  },
];

const COURSES = [
  {
    title: "Bồi dưỡng kiến thức, kỹ năng thông tin đối ngoại cho cán bộ cấp xã",
    startDate: "2026-04-14",
    endDate: "2026-04-16",
    location: "Trường Chính trị Tô Hiệu",
    topics: [
      "Tình hình thế giới, khu vực và chính sách đối ngoại",
      "Kỹ năng thông tin đối ngoại trên mạng xã hội",
    ],
    trainers: ["Giảng viên Học viện Báo chí và Tuyên truyền"],
    take: 18,
  },
  {
    title: "Kỹ năng phát ngôn và làm việc với phóng viên nước ngoài",
    startDate: "2026-07-08",
    endDate: "2026-07-09",
    location: "Hội trường Thành ủy",
    topics: ["Quy định về phát ngôn và cung cấp thông tin cho báo chí", "Thực hành trả lời phỏng vấn"],
    trainers: ["Đại diện Bộ Ngoại giao", "Đại diện Cục Báo chí"],
    take: 12,
  },
  {
    title: "Quảng bá hình ảnh thành phố bằng ngoại ngữ",
    startDate: "2026-10-20",
    endDate: "2026-10-21",
    location: "Trung tâm Hội nghị thành phố",
    topics: ["Sản xuất ấn phẩm đa ngôn ngữ", "Giới thiệu Hải Phòng với nhà đầu tư nước ngoài"],
    trainers: ["Chuyên gia truyền thông quốc tế"],
    take: 15,
  },
];

/** Adds the demo partners, courses and award entries; returns how many partners. */
export async function seedDemoPartners(services: Services, ctx: RequestContext): Promise<number> {
  for (const demo of PARTNERS) {
    const created = await services.partners.create(ctx, demo.partner);
    for (const a of demo.agreements ?? []) await services.partners.addAgreement(ctx, created.id, a);
    for (const x of demo.exchanges ?? [])
      await services.partners.addExchange(ctx, created.id, {
        exchangedOn: x.on,
        direction: x.direction,
        subject: x.subject,
        channel: x.channel,
      });
    for (const c of demo.contacts ?? []) await services.partners.addContact(ctx, created.id, c);
    for (const a of demo.activities ?? [])
      await services.partners.addActivity(ctx, created.id, { occurredOn: a.on, title: a.title });
  }
  const people = await services.db
    .selectFrom("people")
    .select("id")
    .where("is_active", "=", 1)
    .orderBy("folded_name")
    .limit(40)
    .execute();
  for (const [i, course] of COURSES.entries()) {
    const { take, ...input } = course;
    const created = await services.training.create(ctx, input);
    const chosen = people.slice(
      (i * 7) % Math.max(1, people.length - take),
      ((i * 7) % Math.max(1, people.length - take)) + take,
    );
    if (chosen.length > 0)
      await services.training.setParticipants(ctx, created.id, {
        participants: chosen.map((p, k) => ({ personId: p.id, attended: k % 6 !== 5 })),
      });
  }
  for (const entry of AWARDS) await services.awards.create(ctx, entry);
  return PARTNERS.length;
}
