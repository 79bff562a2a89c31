/**
 * Factories for integration tests: accounts, units, people and row counts, all through the public
 * API (so every change is audited exactly as in production) except the counts, which read the tables.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Platform } from "../../src/main.js";
import { createCheckInsRepository } from "../../src/modules/follow-up/check-ins.repository.js";
import { createProgrammesRepository } from "../../src/modules/programmes/programmes.repository.js";
import type { Role } from "../../src/platform/policy/roles.js";
import { type Client, signIn } from "./http.js";

let sequence = 0;
/** A short unique suffix for names and e-mails within one test run. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++sequence}`;

export interface BuiltUser {
  id: string;
  email: string;
  password: string;
}

/** Creates an account as the given admin client with a known password. */
export async function buildUser(
  admin: Client,
  options: { roles: Role[]; personId?: string | null; email?: string; displayName?: string },
): Promise<BuiltUser> {
  const email = options.email ?? `${unique(options.roles.join("-"))}@test.local`;
  const password = "Mat-khau-2024-ok";
  const res = await admin.request("POST", "/api/users", {
    email,
    displayName: options.displayName ?? `Người dùng ${email}`,
    roles: options.roles,
    password,
    ...(options.personId !== undefined && { personId: options.personId }),
  });
  if (res.status !== 201) throw new Error(`buildUser failed: ${res.status} ${res.text}`);
  return { id: (res.body as { user: { id: string } }).user.id, email, password };
}

/** Creates an account and signs it in. */
export async function buildSignedInUser(
  platform: Platform,
  admin: Client,
  options: Parameters<typeof buildUser>[1],
): Promise<BuiltUser & { client: Client }> {
  const user = await buildUser(admin, options);
  return { ...user, client: await signIn(platform.app, user.email, user.password) };
}

export interface UnitDto {
  id: string;
  name: string;
  parentId: string | null;
  parentName: string | null;
}

export async function buildUnit(
  client: Client,
  input: { name?: string; type?: string; parentId?: string | null; shortName?: string | null } = {},
): Promise<UnitDto> {
  const res = await client.request("POST", "/api/units", {
    name: input.name ?? unique("Đơn vị"),
    type: input.type ?? "department",
    ...(input.parentId !== undefined && { parentId: input.parentId }),
    ...(input.shortName !== undefined && { shortName: input.shortName }),
  });
  if (res.status !== 201) throw new Error(`buildUnit failed: ${res.status} ${res.text}`);
  return res.body as UnitDto;
}

export interface PersonDto {
  id: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  mergedIntoId: string | null;
}

export async function buildPerson(
  client: Client,
  input: { fullName?: string; phone?: string | null; email?: string | null; unitId?: string | null } = {},
): Promise<PersonDto> {
  const res = await client.request("POST", "/api/people", {
    fullName: input.fullName ?? unique("Cán bộ"),
    ...(input.phone !== undefined && { phone: input.phone }),
    ...(input.email !== undefined && { email: input.email }),
    ...(input.unitId !== undefined && { unitId: input.unitId }),
  });
  if (res.status !== 201) throw new Error(`buildPerson failed: ${res.status} ${res.text}`);
  return res.body as PersonDto;
}

/** Row counts of the given tables, read straight from the database. */
export async function countRows(platform: Platform, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      platform.database.db,
    );
    out[table] = Number(rows[0]?.n ?? 0);
  }
  return out;
}

/** The tables a refused directory write must leave untouched. */
export const WRITE_TABLES = [
  "units",
  "unit_names",
  "people",
  "person_names",
  "committee_members",
  "users",
  "audit_log",
];

// ——— Follow-up: programmes, tasks and check-ins inserted straight through the repositories ———

export interface BuiltProgramme {
  id: string;
  number: string;
}

/** A work programme (active) inserted through the programmes repository. */
export async function buildProgramme(
  platform: Platform,
  input: {
    number?: string;
    title?: string;
    periodStart?: string;
    periodEnd?: string;
    issuedOn?: string;
  } = {},
): Promise<BuiltProgramme> {
  const repo = createProgrammesRepository();
  const id = randomUUID();
  const number = input.number ?? `${unique("CTr").replace(/\D/g, "").slice(-5)}-CTr/BCĐ`;
  const now = new Date().toISOString();
  await repo.insertProgramme(platform.database.db, {
    id,
    system: "party",
    doc_type: "Chương trình",
    type_code: "CTr",
    number,
    issuer: "Ban Chỉ đạo Công tác thông tin đối ngoại",
    parent_issuer: "Thành ủy Hải Phòng",
    identity_key: `test|${id}`,
    place: "Hải Phòng",
    issued_on: input.issuedOn ?? "2024-03-13",
    title: input.title ?? "Chương trình công tác năm 2024",
    period_start: input.periodStart ?? "2024-01-01",
    period_end: input.periodEnd ?? "2024-12-31",
    signature_json: JSON.stringify({
      authority: "PHÓ BÍ THƯ\nkiêm\nTRƯỞNG BAN CHỈ ĐẠO",
      name: "Đỗ Mạnh Hiến",
    }),
    recipients_json: JSON.stringify([
      { name: "Ban Tuyên giáo Trung ương", purpose: "để báo cáo" },
      { name: "Lưu Văn phòng Thành ủy" },
    ]),
    version: 1,
    supersedes_id: null,
    status: "active",
    effective_from: null,
    source_file_id: null,
    created_at: now,
    created_by: null,
  });
  return { id, number };
}

export interface TaskPartyInput {
  role: "directing" | "lead" | "coordinator";
  name: string;
  personId?: string;
  unitId?: string;
}

let taskPosition = 0;

/** A task with its parties, inserted through the programmes repository. */
export async function buildTask(
  platform: Platform,
  programmeId: string,
  input: {
    ref?: string;
    kind?: "general" | "specific";
    text?: string;
    timeframeKind?: string;
    timeframeText?: string;
    start?: string | null;
    end?: string | null;
    milestones?: { due: string; label?: string }[];
    parties?: TaskPartyInput[];
  } = {},
): Promise<{ id: string; ref: string }> {
  const repo = createProgrammesRepository();
  const id = randomUUID();
  const position = ++taskPosition;
  const ref = input.ref ?? String(position);
  const text = input.text ?? `Nhiệm vụ thử nghiệm ${ref}: tuyên truyền, quảng bá hình ảnh thành phố.`;
  const now = new Date().toISOString();
  const db = platform.database.db;
  await repo.insertTask(db, {
    id,
    lineage_id: id,
    programme_id: programmeId,
    ref,
    section_ref: input.kind === "general" ? "I" : "II",
    position,
    kind: input.kind ?? "specific",
    text,
    folded_text: text.toLowerCase(),
    footnotes_json: "[]",
    products_json: "[]",
    timeframe_text: input.timeframeText ?? null,
    timeframe_kind: input.timeframeKind ?? "period",
    start_date: input.start === undefined ? "2024-04-01" : input.start,
    end_date: input.end === undefined ? "2024-06-30" : input.end,
    milestones_json: JSON.stringify(input.milestones ?? []),
    plan_ref: null,
    due_date: null,
    source_line_start: null,
    source_line_end: null,
    created_at: now,
    updated_at: now,
  });
  let i = 0;
  for (const p of input.parties ?? []) {
    await repo.insertParty(db, {
      id: randomUUID(),
      task_id: id,
      role: p.role,
      kind: p.unitId ? "unit" : "person",
      name: p.name,
      folded_name: p.name.toLowerCase(),
      qualifier: null,
      person_id: p.personId ?? null,
      unit_id: p.unitId ?? null,
      position: i++,
    });
  }
  return { id, ref };
}

/** A check-in inserted through the check-ins repository, in any state and at any date. */
export async function buildCheckIn(
  platform: Platform,
  taskId: string,
  input: {
    createdBy: string;
    period?: string;
    state?: "draft" | "submitted" | "confirmed" | "returned";
    role?: "lead" | "coordinator";
    partyName?: string;
    submittedAt?: string;
    decidedAt?: string;
    progress?: number;
    reportedComplete?: boolean;
    completedOn?: string | null;
    doneText?: string;
    difficulties?: string | null;
  },
): Promise<{ id: string }> {
  const id = randomUUID();
  const state = input.state ?? "confirmed";
  const submittedAt = input.submittedAt ?? "2024-05-20T03:00:00.000Z";
  const decidedAt = input.decidedAt ?? submittedAt;
  await createCheckInsRepository().insert(platform.database.db, {
    id,
    task_id: taskId,
    party_person_id: null,
    party_unit_id: null,
    party_name: input.partyName ?? "Đơn vị chủ trì",
    role: input.role ?? "lead",
    period: input.period ?? "2024-Q2",
    milestone: null,
    state,
    version: 1,
    done_text: input.doneText ?? "Đã tổ chức tuyên truyền trên báo, đài thành phố.",
    progress: input.progress ?? 100,
    milestones_reached_json: "[]",
    difficulties: input.difficulties ?? null,
    proposals: null,
    reported_complete: (input.reportedComplete ?? true) ? 1 : 0,
    completed_on: input.completedOn ?? null,
    submitted_at: state === "draft" ? null : submittedAt,
    confirmed_at: state === "confirmed" ? decidedAt : null,
    confirmed_by: null,
    returned_at: state === "returned" ? decidedAt : null,
    returned_by: null,
    return_reason: state === "returned" ? "Chưa có minh chứng" : null,
    created_by: input.createdBy,
    created_at: submittedAt,
    updated_at: submittedAt,
  });
  await createCheckInsRepository().bumpRevision(
    platform.database.db,
    (
      await platform.database.db
        .selectFrom("tasks")
        .select("programme_id")
        .where("id", "=", taskId)
        .executeTakeFirstOrThrow()
    ).programme_id,
  );
  return { id };
}

/** The specific tasks of the reference programme (02-CTr/BCĐ, Hải Phòng, 2024), abridged. */
const REFERENCE_TASKS: [
  ref: string,
  text: string,
  directing: string,
  leads: string[],
  kind: string,
  start: string | null,
  end: string | null,
][] = [
  [
    "1",
    "Tổ chức tuyên truyền sâu rộng Chương trình công tác năm 2024 của Ban Chỉ đạo.",
    "Đỗ Mạnh Hiến",
    ["Đào Khánh Hà"],
    "period",
    "2024-01-01",
    "2024-12-31",
  ],
  [
    "2",
    "Thông tin về các hoạt động đối ngoại, đoàn ra, đoàn vào của thành phố.",
    "Hoàng Minh Cường",
    ["Nguyễn Thị Bích Dung"],
    "period",
    "2024-01-01",
    "2024-12-31",
  ],
  [
    "3",
    "Tham mưu thông tin đối ngoại trong các hoạt động đối ngoại của lãnh đạo thành phố.",
    "Hoàng Minh Cường",
    ["Trần Huy Kiên"],
    "period",
    "2024-01-01",
    "2024-12-31",
  ],
  [
    "4",
    "Tăng cường các hoạt động truyền thông nâng cao nhận thức về công tác đối ngoại, hội nhập quốc tế.",
    "Hoàng Minh Cường",
    ["Phạm Văn Tuấn"],
    "per_plan",
    null,
    null,
  ],
  [
    "5",
    "Phối hợp hỗ trợ, hướng dẫn, quản lý thông tin đối với các đoàn phóng viên nước ngoài.",
    "Hoàng Minh Cường",
    ["Nguyễn Thị Bích Dung"],
    "per_plan",
    null,
    null,
  ],
  [
    "6",
    "Tăng cường thông tin có định hướng về tình hình thế giới, đất nước, thành phố.",
    "Đào Khánh Hà",
    ["Bùi Thị Ngọc", "Nguyễn Thị Thủy"],
    "period",
    "2024-01-01",
    "2024-12-31",
  ],
  [
    "7",
    "Sớm hoàn thành việc đề xuất xây dựng hệ thống cổ động trực quan hiện đại.",
    "Hoàng Minh Cường",
    ["Trần Thị Hoàng Mai"],
    "period",
    "2024-04-01",
    "2024-06-30",
  ],
  [
    "8",
    "Xây dựng tài liệu và tổ chức tuyên truyền các chính sách thu hút đầu tư nước ngoài.",
    "Hoàng Minh Cường",
    ["Bùi Ngọc Hải", "Trần Thị Hải Yến", "Nguyễn Công Hân"],
    "period",
    "2024-01-01",
    "2024-12-31",
  ],
  [
    "9",
    "Thông tin, tuyên truyền về quốc phòng, đối ngoại quốc phòng, chủ quyền biển, đảo.",
    "Hoàng Minh Cường",
    ["Vũ Văn Mến", "Kiều Mạnh Hiệp", "Nguyễn Ngọc Ánh", "Lưu Thị Thanh Hà"],
    "period",
    "2024-01-01",
    "2024-12-31",
  ],
  [
    "10",
    "Quán triệt và tuyên truyền trong hệ thống Mặt trận Tổ quốc Việt Nam các cấp của thành phố.",
    "Đỗ Mạnh Hiến",
    ["Đỗ Tràng Thành", "Đặng Thị Phương Liên"],
    "period",
    "2024-01-01",
    "2024-12-31",
  ],
  [
    "11",
    "Phối hợp tham mưu, đề xuất bố trí ngân sách cho công tác thông tin đối ngoại.",
    "Hoàng Minh Cường",
    ["Hoàng Xuân Minh"],
    "period",
    "2024-01-01",
    "2024-12-31",
  ],
  [
    "12",
    "Đổi mới phương thức, nội dung tuyên truyền, quảng bá về du lịch Hải Phòng.",
    "Hoàng Minh Cường",
    ["Vũ Huy Thường"],
    "as_directed",
    null,
    null,
  ],
  [
    "13",
    "Đổi mới phương thức, nội dung tuyên truyền thông tin đối ngoại trên các kênh, ấn phẩm.",
    "Đào Khánh Hà",
    ["Phạm Văn Tuấn", "Đào Văn Hoàn", "Nguyễn Ngọc Ánh", "Hà Mạnh Cường", "Lưu Thị Thanh Hà"],
    "ongoing",
    null,
    null,
  ],
  [
    "14",
    "Lan tỏa thông tin tích cực về thành phố; đấu tranh, phản bác các quan điểm sai trái.",
    "Đào Khánh Hà",
    ["Phạm Văn Tuấn", "Đào Văn Hoàn", "Đào Quang Trường", "Vũ Văn Mến"],
    "ongoing",
    null,
    null,
  ],
  [
    "15",
    "Tổ chức bồi dưỡng kiến thức mới, tập huấn kỹ năng, nghiệp vụ công tác thông tin đối ngoại năm 2024.",
    "Đào Khánh Hà",
    ["Đào Văn Hoàn"],
    "period",
    "2024-04-01",
    "2024-06-30",
  ],
  [
    "16",
    "Thông tin, truyền thông về kết quả bảo đảm và thúc đẩy quyền con người.",
    "Đào Khánh Hà",
    ["Đào Quang Trường"],
    "milestones",
    null,
    "2024-12-31",
  ],
  [
    "17",
    "Tăng cường thông tin đối ngoại về các hoạt động hòa bình, đoàn kết, hữu nghị nhân dân.",
    "Hoàng Minh Cường",
    ["Vũ Văn Trà"],
    "period",
    "2024-01-01",
    "2024-12-31",
  ],
  [
    "18",
    "Tiếp tục triển khai công tác thông tin đối ngoại đối với người Việt Nam ở nước ngoài.",
    "Hoàng Minh Cường",
    ["Nguyễn Thị Bích Dung"],
    "period",
    "2024-01-01",
    "2024-12-31",
  ],
  [
    "19",
    "Sơ kết công tác 6 tháng đầu năm. Tổng kết công tác năm.",
    "Đỗ Mạnh Hiến",
    ["Đào Khánh Hà"],
    "unspecified",
    null,
    null,
  ],
];

/**
 * The reference programme "02-CTr/BCĐ" with its 19 specific tasks and one general task, parties
 * linked to the directory's people by name when the demo committee is seeded.
 */
export async function buildReferenceProgramme(
  platform: Platform,
): Promise<BuiltProgramme & { taskIds: Record<string, string> }> {
  const db = platform.database.db;
  const programme = await buildProgramme(platform, { number: "02-CTr/BCĐ" });
  const people = new Map(
    (await db.selectFrom("people").select(["id", "full_name"]).execute()).map((p) => [p.full_name, p.id]),
  );
  const party = (role: TaskPartyInput["role"], name: string): TaskPartyInput => {
    const personId = people.get(name);
    return { role, name, ...(personId && { personId }) };
  };
  const taskIds: Record<string, string> = {};
  taskIds["I.1"] = (
    await buildTask(platform, programme.id, {
      ref: "I.1",
      kind: "general",
      text: "Tiếp tục tuyên truyền đường lối, chủ trương, chính sách của Đảng và Nhà nước về lĩnh vực thông tin đối ngoại.",
      timeframeKind: "ongoing",
      start: null,
      end: null,
      parties: [party("lead", "Đào Khánh Hà")],
    })
  ).id;
  for (const [ref, text, directing, leads, kind, start, end] of REFERENCE_TASKS) {
    taskIds[ref] = (
      await buildTask(platform, programme.id, {
        ref,
        text,
        timeframeKind: kind === "milestones" ? "period" : kind,
        start,
        end,
        ...(kind === "milestones" && {
          milestones: [
            { due: "2024-06-30", label: "6 tháng đầu năm" },
            { due: "2024-12-31", label: "Năm 2024" },
          ],
        }),
        parties: [
          party("directing", directing),
          ...leads.map((l) => party("lead", l)),
          { role: "coordinator", name: "Các thành viên Ban Chỉ đạo" },
        ],
      })
    ).id;
  }
  return { ...programme, taskIds };
}
