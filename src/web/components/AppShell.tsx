import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FileTextOutlined,
  GlobalOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  PictureOutlined,
  ProjectOutlined,
  SettingOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Button, Layout, Menu, type MenuProps, Space, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { AUDIT_READERS, PROGRAMME_EDITORS, useAuth } from "../features/auth/auth-context";
import { REPORT_READERS } from "../features/follow-up/roles";
import { CASE_WORKERS, MONITORING_READERS } from "../features/monitoring/monitoring-roles";
import { NotificationBell } from "../features/notifications/NotificationBell";
import { LanguageSwitch } from "./LanguageSwitch";
import { Logo } from "./Logo";

type MenuItem = Required<MenuProps>["items"][number];

function useMenuItems(): MenuItem[] {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const link = (to: string, label: string) => <Link to={to}>{label}</Link>;
  const items: MenuItem[] = [
    { key: "/", icon: <DashboardOutlined />, label: link("/", t("nav.dashboard")) },
    {
      key: "programmes",
      icon: <ProjectOutlined />,
      label: t("nav.programmes"),
      children: [
        { key: "/programmes", label: link("/programmes", t("nav.programmeList")) },
        ...(hasRole(...PROGRAMME_EDITORS)
          ? [{ key: "/programmes/import", label: link("/programmes/import", t("nav.programmeImport")) }]
          : []),
        { key: "/programmes/citations", label: link("/programmes/citations", t("nav.citations")) },
      ],
    },
    {
      key: "follow-up",
      icon: <CarryOutOutlined />,
      label: t("nav.followUp"),
      children: [
        { key: "/follow-up", label: link("/follow-up", t("nav.taskStatuses")) },
        { key: "/follow-up/mine", label: link("/follow-up/mine", t("nav.myTasks")) },
        { key: "/follow-up/calendar", label: link("/follow-up/calendar", t("nav.calendar")) },
      ],
    },
    { key: "/events", icon: <CalendarOutlined />, label: link("/events", t("nav.events")) },
    {
      key: "external",
      icon: <GlobalOutlined />,
      label: t("nav.externalAffairs"),
      children: [
        { key: "/delegations", label: link("/delegations", t("nav.delegations")) },
        { key: "/press-visits", label: link("/press-visits", t("nav.pressVisits")) },
        { key: "/partners", label: link("/partners", t("nav.partners")) },
        { key: "/training", label: link("/training", t("nav.training")) },
      ],
    },
    ...(hasRole("member", "leader", "secretariat", "admin")
      ? [{ key: "/budget", icon: <AccountBookOutlined />, label: link("/budget", t("nav.budget")) }]
      : []),
    ...(hasRole("admin", "secretariat", "leader", "member", "editor", "translator")
      ? [
          {
            key: "portal",
            icon: <GlobalOutlined />,
            label: t("nav.portal"),
            children: [
              { key: "/portal", label: link("/portal", t("nav.portalItems")) },
              { key: "/portal/queue", label: link("/portal/queue", t("nav.portalQueue")) },
              { key: "/portal/glossary", label: link("/portal/glossary", t("nav.portalGlossary")) },
              { key: "/portal/media", label: link("/portal/media", t("nav.portalMedia")) },
            ],
          },
        ]
      : []),
    {
      key: "/installations",
      icon: <PictureOutlined />,
      label: link("/installations", t("nav.installations")),
    },
    ...(hasRole(...REPORT_READERS)
      ? [{ key: "/reports", icon: <FileTextOutlined />, label: link("/reports", t("nav.reports")) }]
      : []),
    ...(hasRole(...MONITORING_READERS)
      ? [
          {
            key: "monitoring",
            icon: <AlertOutlined />,
            label: t("nav.monitoring"),
            children: [
              { key: "/monitoring/feed", label: link("/monitoring/feed", t("nav.monitoringFeed")) },
              { key: "/monitoring/search", label: link("/monitoring/search", t("nav.monitoringSearch")) },
              { key: "/monitoring/sources", label: link("/monitoring/sources", t("nav.monitoringSources")) },
              ...(hasRole(...CASE_WORKERS)
                ? [{ key: "/monitoring/cases", label: link("/monitoring/cases", t("nav.monitoringCases")) }]
                : []),
              { key: "/monitoring/stats", label: link("/monitoring/stats", t("nav.monitoringStats")) },
            ],
          },
        ]
      : []),
    {
      key: "directory",
      icon: <ContactsOutlined />,
      label: t("nav.directory"),
      children: [
        { key: "/directory/units", label: link("/directory/units", t("nav.units")) },
        { key: "/directory/people", label: link("/directory/people", t("nav.people")) },
        { key: "/directory/committee", label: link("/directory/committee", t("nav.committee")) },
      ],
    },
  ];
  if (hasRole(...AUDIT_READERS)) {
    items.push({ key: "/audit", icon: <AuditOutlined />, label: link("/audit", t("nav.audit")) });
  }
  if (hasRole("admin")) {
    items.push({
      key: "/admin/users",
      icon: <SettingOutlined />,
      label: link("/admin/users", t("nav.users")),
    });
  }
  items.push({ key: "/account", icon: <UserOutlined />, label: link("/account", t("nav.account")) });
  return items;
}

/** The menu entry a page belongs to: a programme, its views and its tasks belong to "Danh sách". */
function menuKeyOf(pathname: string): string {
  if (pathname === "/") return "/";
  const path = pathname.replace(/\/$/, "");
  if (path.startsWith("/programmes/import")) return "/programmes/import";
  if (path.startsWith("/programmes/citations")) return "/programmes/citations";
  if (path.startsWith("/programmes") || path.startsWith("/tasks")) return "/programmes";
  if (path.startsWith("/reports")) return "/reports";
  if (/^\/monitoring\/(items|stories)/.test(path)) return "/monitoring/feed";
  if (path.startsWith("/delegations")) return "/delegations";
  if (path.startsWith("/press-visits")) return "/press-visits";
  if (path.startsWith("/partners")) return "/partners";
  if (path.startsWith("/training")) return "/training";
  if (path.startsWith("/portal/items")) return "/portal";
  return path;
}

export function AppShell() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(() => window.innerWidth < 992);
  const [openKeys, setOpenKeys] = useState<string[]>(() =>
    location.pathname.startsWith("/directory")
      ? ["directory"]
      : /^\/(programmes|tasks)/.test(location.pathname)
        ? ["programmes"]
        : location.pathname.startsWith("/follow-up")
          ? ["follow-up"]
          : location.pathname.startsWith("/monitoring")
            ? ["monitoring"]
            : /^\/(delegations|press-visits|partners|training)/.test(location.pathname)
              ? ["external"]
              : location.pathname.startsWith("/portal")
                ? ["portal"]
                : [],
  );
  const items = useMenuItems();
  const selectedKey = menuKeyOf(location.pathname);

  const handleSignOut = async () => {
    await signOut().catch(() => undefined);
    navigate("/login", { replace: true });
  };

  return (
    <Layout className="hd-shell" hasSider>
      <a className="hd-skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={272}
        className="hd-sider"
        trigger={null}
      >
        <Link to="/" className="hd-brand" aria-label={t("app.name")}>
          <Logo />
          {!collapsed && (
            <span className="hd-brand-text">
              <span className="hd-brand-name">{t("app.name")}</span>
              <span className="hd-brand-sub">{t("app.committeeShort")}</span>
            </span>
          )}
        </Link>
        <nav aria-label={t("shell.mainNavigation")}>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={[selectedKey]}
            openKeys={collapsed ? undefined : openKeys}
            // Folded, the sections open as pop-ups; what was open before folding opens again on unfolding.
            onOpenChange={(keys) => {
              if (!collapsed) setOpenKeys(keys);
            }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="hd-header">
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
            aria-label={collapsed ? t("shell.expandMenu") : t("shell.collapseMenu")}
            aria-expanded={!collapsed}
          />
          <Typography.Text className="hd-header-title" ellipsis>
            {t("app.committee")}
          </Typography.Text>
          <Space size="middle" className="hd-header-actions">
            <span className="hd-user" data-testid="current-user">
              <UserOutlined aria-hidden />
              <span className="hd-user-name">{user?.displayName}</span>
              <span className="hd-user-roles">
                {user?.roles.map((role) => (
                  <Tag key={role} color="blue" variant="filled">
                    {t(`roles.${role}`)}
                  </Tag>
                ))}
              </span>
            </span>
            <NotificationBell />
            <LanguageSwitch />
            <Tooltip title={t("shell.signOut")}>
              <Button icon={<LogoutOutlined />} onClick={handleSignOut} aria-label={t("shell.signOut")}>
                <span className="hd-hide-narrow">{t("shell.signOut")}</span>
              </Button>
            </Tooltip>
          </Space>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="hd-content">
          <Outlet />
        </Layout.Content>
        <Layout.Footer className="hd-footer">
          <BarChartOutlined aria-hidden /> {t("app.footer")}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
