import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The Fastify server the dev server forwards API and probe requests to. */
const apiTarget = process.env.HAIDANG_DEV_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    // antd alone is larger than Vite's default warning threshold; it is cached separately from app code.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Only the register import template needs ExcelJS: its own chunk, loaded on demand.
            { name: "exceljs", test: /node_modules[\\/]exceljs[\\/]/, priority: 40 },
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            { name: "icons", test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 25 },
            {
              name: "antd",
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/,
              priority: 20,
            },
            { name: "i18n", test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 15 },
            { name: "vendor", test: /node_modules/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      "/api": apiTarget,
      "/healthz": apiTarget,
      "/readyz": apiTarget,
    },
  },
});
