/**
 * The `haidang` command line. Every command reads the same configuration as the server
 * (`HAIDANG_DATA_DIR`, `DATABASE_URL`…). Errors print one line with a stable code and exit non-zero.
 */
import { Command, Option } from "commander";
import { loadConfig } from "../config/config.js";
import { systemContext } from "../platform/context.js";
import { openDatabase } from "../platform/db/database.js";
import { migrateToLatest } from "../platform/db/migrations/index.js";
import { isAppError } from "../platform/errors.js";
import { ROLES, type Role } from "../platform/policy/roles.js";
import { VERSION } from "../version.js";
import { backup, restore } from "./backup.js";
import { registerCalendarCommands } from "./calendar.js";
import { registerMonitorCommands } from "./monitor.js";
import { registerProgrammeCommands } from "./programme.js";
import { registerReportCommand } from "./report.js";
import { withServices } from "./with-services.js";

const program = new Command();
program
  .name("haidang")
  .description("Hải Đăng — nền tảng công tác của Ban Chỉ đạo Công tác thông tin đối ngoại")
  .version(VERSION);

program
  .command("serve")
  .description("chạy máy chủ / run the server (migrates first)")
  .option("--demo", "nạp dữ liệu mẫu nếu cơ sở dữ liệu trống / load demo data into an empty database", false)
  .action(async (opts: { demo: boolean }) => {
    const { serve } = await import("./serve.js");
    await serve({ demo: opts.demo });
  });

program
  .command("portal")
  .description("chỉ chạy cổng thông tin đối ngoại công khai / serve only the public portal (PORTAL_PORT)")
  .action(async () => {
    const { servePortalOnly } = await import("./portal.js");
    await servePortalOnly(loadConfig());
  });

program
  .command("migrate")
  .description("áp dụng migration / apply database migrations")
  .action(async () => {
    const config = loadConfig();
    const handle = openDatabase({ database: config.database });
    try {
      const { applied } = await migrateToLatest(handle.db, handle.dialect);
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Đã cập nhật / already up to date");
    } finally {
      await handle.close();
    }
  });

const user = program.command("user").description("quản lý tài khoản / manage accounts");
user
  .command("create")
  .description("tạo tài khoản / create an account (prints a one-time password unless --password)")
  .requiredOption("--email <email>")
  .requiredOption("--name <displayName>")
  .addOption(new Option("--role <role...>", "vai trò / roles").choices([...ROLES]).default(["viewer"]))
  .option("--password <password>")
  .action(async (opts: { email: string; name: string; role: Role[]; password?: string }) => {
    await withServices(async (services) => {
      const ctx = {
        ...systemContext(),
        actor: { userId: "cli", displayName: "CLI", roles: ["admin" as const], personId: null },
      };
      const { user: created, temporaryPassword } = await services.users.create(ctx, {
        email: opts.email,
        displayName: opts.name,
        roles: opts.role,
        ...(opts.password && { password: opts.password }),
      });
      console.log(`Created ${created.email} (${opts.role.join(", ")})`);
      if (temporaryPassword) console.log(`One-time password: ${temporaryPassword}`);
    });
  });
user
  .command("reset-password")
  .description("đặt lại mật khẩu / reset a password (prints a one-time password)")
  .requiredOption("--email <email>")
  .action(async (opts: { email: string }) => {
    await withServices(async (services) => {
      const found = await services.authRepository.findUserByEmail(services.db, opts.email);
      if (!found) throw new Error(`user_not_found: ${opts.email}`);
      const ctx = {
        ...systemContext(),
        actor: { userId: "cli", displayName: "CLI", roles: ["admin" as const], personId: null },
      };
      const { temporaryPassword } = await services.users.resetPassword(ctx, found.id);
      console.log(`One-time password: ${temporaryPassword}`);
    });
  });

program
  .command("backup <file>")
  .description("sao lưu / back up the database and the uploaded files to FILE (one archive)")
  .action(async (file: string) => {
    const summary = await backup(loadConfig(), file);
    console.log(
      `Backup written: ${file} (${summary.database} database, ${summary.files} files, ${summary.bytes} bytes)`,
    );
  });

program
  .command("restore <file>")
  .description("khôi phục / restore the database and files from FILE (stop the server first)")
  .action(async (file: string) => {
    const summary = await restore(loadConfig(), file);
    if (summary.isLegacy)
      console.error(
        "Cảnh báo: bản sao lưu cũ chỉ có cơ sở dữ liệu, không có tệp đã tải lên / Warning: an old backup with the database only, no uploaded files",
      );
    console.log(
      `Restored from ${file}: ${summary.database} database, ${summary.files} files (${summary.bytes} bytes); ${summary.verified ?? 0} stored files verified`,
    );
  });

registerProgrammeCommands(program);
registerMonitorCommands(program);

program
  .command("seed-demo")
  .description("nạp dữ liệu mẫu / load demo data into an empty database")
  .action(async () => {
    await withServices(async (services) => {
      const { seedDemo } = await import("../modules/demo/demo-seed.js");
      const report = await seedDemo(services);
      console.log(
        report.seeded
          ? `Seeded ${report.units} units, ${report.people} people, ${report.tasks} programme tasks`
          : "Directory not empty: nothing seeded",
      );
    });
  });

registerReportCommand(program);
registerCalendarCommands(program);

export async function runCli(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (isAppError(err)) {
      console.error(`${err.code}: ${err.messageVi} / ${err.messageEn}`);
      process.exitCode = 2;
    } else {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    }
  }
}

export { program };
