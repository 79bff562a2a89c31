/**
 * Demo follow-up activity on the reference programme: a member account linked to a lead official
 * (Đào Văn Hoàn, lead of tasks 1, 13, 14 and 15), two check-ins on ongoing tasks — one submitted and
 * waiting for the secretariat, one confirmed — and a few in-app notifications. Ongoing tasks, so that
 * the demo's overdue work stays as the programme left it. Check-ins go through the follow-up
 * services (versions, audit) and are then dated in the first half of 2024, the programme's year.
 */
import type { Services } from "../../main.js";
import type { RequestContext } from "../../platform/context.js";
import { newId } from "../../platform/ids.js";
import { createCheckInsRepository } from "../follow-up/check-ins.repository.js";
import { createNotificationsRepository } from "../notifications/notifications.repository.js";

/** The demo member: a lead official of tasks 1, 13, 14 and 15 of the reference programme. */
export const DEMO_MEMBER = {
  email: "thanhvien@haidang.local",
  displayName: "Đào Văn Hoàn",
  personName: "Đào Văn Hoàn",
} as const;

export interface DemoAccount {
  email: string;
  /** Shown once by `serve`; the account must change it at first sign-in. */
  temporaryPassword: string;
}

/** Creates the member account linked to the person; null when the person or the account already exists. */
export async function createDemoMember(
  services: Services,
  ctx: RequestContext,
  personId: string | undefined,
): Promise<DemoAccount | null> {
  if (!personId || (await services.authRepository.findUserByEmail(services.db, DEMO_MEMBER.email)))
    return null;
  const { user, temporaryPassword } = await services.users.create(ctx, {
    email: DEMO_MEMBER.email,
    displayName: DEMO_MEMBER.displayName,
    roles: ["member"],
    personId,
  });
  return temporaryPassword ? { email: user.email, temporaryPassword } : null;
}

/** Two check-ins by the member (task II.14 submitted, task II.13 confirmed). */
export async function seedDemoCheckIns(
  services: Services,
  ctx: RequestContext,
  input: {
    programmeId: string;
    taskIds: ReadonlyMap<string, string>;
    member: { userId: string; personId: string };
  },
): Promise<number> {
  const memberCtx: RequestContext = {
    ...ctx,
    actor: {
      userId: input.member.userId,
      displayName: DEMO_MEMBER.displayName,
      roles: ["member"],
      personId: input.member.personId,
    },
  };
  const task14 = input.taskIds.get("II.14");
  const task13 = input.taskIds.get("II.13");
  if (!task14 || !task13) return 0;
  const repo = createCheckInsRepository();

  const submitted = await services.checkIns.create(memberCtx, task14, {
    period: "2024-H1",
    doneText:
      "Chỉ đạo các cơ quan báo chí thành phố đăng 36 tin, bài lan tỏa thông tin tích cực; phát hiện 2 thông tin sai lệch trên mạng xã hội, phối hợp cung cấp thông tin chính thức và đăng bài làm rõ.",
    progress: 60,
    links: [{ kind: "article", title: "Bài làm rõ thông tin về thu hồi đất trên Báo Hải Phòng", count: 1 }],
  });
  await services.checkIns.submit(memberCtx, submitted.id);
  await repo.update(services.db, submitted.id, {
    created_at: "2024-06-10T01:00:00Z",
    submitted_at: "2024-06-10T02:00:00Z",
    updated_at: "2024-06-10T02:00:00Z",
  });

  const confirmed = await services.checkIns.create(memberCtx, task13, {
    period: "2024-H1",
    doneText:
      "Chỉ đạo Báo Hải Phòng, Đài Phát thanh và Truyền hình Hải Phòng duy trì chuyên mục thông tin đối ngoại; xuất bản 4 số ấn phẩm bằng tiếng Anh, tiếng Trung; đề xuất 3 sản phẩm thông tin đối ngoại năm 2024 của Ban Chỉ đạo.",
    progress: 50,
    links: [{ kind: "article", title: "Chuyên mục thông tin đối ngoại trên Báo Hải Phòng", count: 24 }],
  });
  await services.checkIns.submit(memberCtx, confirmed.id);
  await services.checkIns.confirm(ctx, confirmed.id);
  await repo.update(services.db, confirmed.id, {
    created_at: "2024-05-23T01:00:00Z",
    submitted_at: "2024-05-23T02:00:00Z",
    confirmed_at: "2024-05-27T03:00:00Z",
    updated_at: "2024-05-27T03:00:00Z",
  });
  return 2;
}

/** A few in-app notifications: for the member, and for the administrators about the check-in to confirm. */
export async function seedDemoNotifications(
  services: Services,
  input: { programmeId: string; taskIds: ReadonlyMap<string, string>; memberUserId: string | null },
): Promise<number> {
  const notifications = createNotificationsRepository();
  const { rows: users } = await services.authRepository.listUsers(services.db, { limit: 20, offset: 0 });
  const admins = users.filter((u) => u.id !== input.memberUserId && u.roles.includes('"admin"'));
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const rows = [
    ...admins.map((a) => ({
      user_id: a.id,
      kind: "check_in.submitted",
      title: "Báo cáo nhiệm vụ 14 chờ xác nhận",
      body: "Đồng chí Đào Văn Hoàn đã gửi báo cáo kết quả 6 tháng đầu năm 2024 của nhiệm vụ 14; Tổ Giúp việc xem và xác nhận hoặc trả lại.",
      task: "II.14",
      created_at: at(30),
    })),
    ...(input.memberUserId
      ? [
          {
            user_id: input.memberUserId,
            kind: "check_in.confirmed",
            title: "Báo cáo nhiệm vụ 13 đã được xác nhận",
            body: "Tổ Giúp việc đã xác nhận báo cáo kết quả 6 tháng đầu năm 2024 của nhiệm vụ 13 (đổi mới tuyên truyền thông tin đối ngoại trên báo chí, xuất bản).",
            task: "II.13",
            created_at: at(120),
          },
          {
            user_id: input.memberUserId,
            kind: "monitoring.case_assigned",
            title: "Được giao hồ sơ xử lý thông tin",
            body: "Hồ sơ “Tin đồn cấm xe máy trong nội thành” (thông tin sai lệch) được giao cho đồng chí; đề nghị cập nhật biện pháp và kết quả xử lý.",
            task: "II.14",
            created_at: at(60),
          },
          {
            user_id: input.memberUserId,
            kind: "reminder.report_due",
            title: "Nhắc báo cáo nhiệm vụ 15",
            body: "Nhiệm vụ 15 (bồi dưỡng, tập huấn nghiệp vụ thông tin đối ngoại năm 2024) chưa có báo cáo kết quả; đề nghị đồng chí cập nhật tiến độ.",
            task: "II.15",
            created_at: at(10),
          },
        ]
      : []),
  ];
  for (const r of rows)
    await notifications.insertNotification(services.db, {
      id: newId(),
      user_id: r.user_id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      task_id: input.taskIds.get(r.task) ?? null,
      programme_id: input.programmeId,
      created_at: r.created_at,
      read_at: null,
    });
  return rows.length;
}
