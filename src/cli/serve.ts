/** `haidang serve`: migrate, first-run administrator, optional demo data, listen, shut down gracefully. */
import { type Config, loadConfig } from "../config/config.js";
import { createPlatform } from "../main.js";
import { ensureAdministrator } from "../modules/auth/first-run.js";
import { seedDemo } from "../modules/demo/demo-seed.js";
import { registerPortalFeeds } from "./monitor.js";
import { startPortal } from "./portal.js";

export async function serve(options: { demo: boolean; config?: Config }): Promise<void> {
  const config = options.config ?? loadConfig();
  const platform = await createPlatform(config);
  const { services } = platform;
  const admin = await ensureAdministrator(
    { db: services.db, auth: services.authRepository, audit: services.audit },
    config.admin,
  );
  const demo = options.demo ? await seedDemo(services) : null;
  if (demo?.seeded)
    console.log(
      `Đã nạp dữ liệu mẫu / demo data loaded: ${demo.units} đơn vị, ${demo.people} cán bộ, ${demo.tasks} nhiệm vụ của chương trình 02-CTr/BCĐ, ${demo.monitoringItems} tin theo dõi.`,
    );
  const address = await platform.app.listen({ port: config.port, host: config.host });
  if (config.jobsEnabled) services.jobs.start();
  const portal = config.portal.isEnabled ? await startPortal(services.db, config) : null;
  // Its own feeds are fetched by monitoring even at a loopback address (PORTAL_PORT=0 included).
  if (portal) services.monitoring.trustOrigin(portal.address);
  // The portal's feeds are monitoring sources of the city's own (counted apart from outside coverage):
  // registered at its public address, or at its local one in the demo.
  const portalUrl = config.portal.publicUrl ?? (options.demo && portal ? portal.address : undefined);
  if (portalUrl) await registerPortalFeeds(services, portalUrl, config.portal.languages);
  const url = config.publicUrl ?? address;
  console.log(`\nHải Đăng đang chạy tại / is running at: ${url}`);
  if (portal)
    console.log(`Cổng thông tin đối ngoại / public portal: ${config.portal.publicUrl ?? portal.address}`);
  if (admin) {
    console.log(`Đăng nhập / sign in: ${admin.email}`);
    if (admin.generatedPassword) {
      console.log(`Mật khẩu một lần / one-time password: ${admin.generatedPassword}`);
      console.log(
        "(Chỉ hiện một lần — hãy đổi mật khẩu sau khi đăng nhập / shown once — change it after signing in)",
      );
    }
  }
  if (demo?.member) {
    console.log(`Tài khoản thành viên mẫu / demo member: ${demo.member.email}`);
    console.log(`Mật khẩu một lần / one-time password: ${demo.member.temporaryPassword}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform.app.log.info({ signal }, "shutting down: draining requests");
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    await portal?.close();
    await platform.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
