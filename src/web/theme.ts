import type { ThemeConfig } from "antd";

/** Deep sea blue and lighthouse amber. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#0b4f8a",
    colorLink: "#0b4f8a",
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif",
  },
  components: {
    Layout: { siderBg: "#0a2540", triggerBg: "#0d2f52", headerBg: "#ffffff", headerPadding: "0 20px" },
    Menu: { darkItemBg: "#0a2540", darkSubMenuItemBg: "#071b30", darkItemSelectedBg: "#0b4f8a" },
  },
};
