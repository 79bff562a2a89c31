import { Spin } from "antd";
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes, useLocation } from "react-router";
import type { Role } from "../api/types";
import { AppShell } from "../components/AppShell";
import { PasswordChangeGate } from "../features/account/PasswordChangeGate";
import { AUDIT_READERS, PROGRAMME_EDITORS, useAuth } from "../features/auth/auth-context";
import { LoginPage } from "../features/auth/LoginPage";
import { REPORT_READERS } from "../features/follow-up/roles";
import { SecondFactorGate } from "../features/mfa/SecondFactorGate";
import { CASE_WORKERS, MONITORING_READERS } from "../features/monitoring/monitoring-roles";
import { ForbiddenPage, NotFoundPage } from "./StatusPages";

const UnitsPage = lazy(() => import("../features/directory/UnitsPage"));
const PeoplePage = lazy(() => import("../features/directory/PeoplePage"));
const CommitteePage = lazy(() => import("../features/directory/CommitteePage"));
const AuditPage = lazy(() => import("../features/audit/AuditPage"));
const AccountPage = lazy(() => import("../features/account/AccountPage"));
const UsersPage = lazy(() => import("../features/users/UsersPage"));
const ProgrammesPage = lazy(() => import("../features/programmes/ProgrammesPage"));
const ProgrammePage = lazy(() => import("../features/programmes/ProgrammePage"));
const TaskPage = lazy(() => import("../features/programmes/TaskPage"));
const CitationsPage = lazy(() => import("../features/programmes/CitationsPage"));
const ImportPage = lazy(() => import("../features/imports/ImportPage"));
const ImportReviewPage = lazy(() => import("../features/imports/ImportReviewPage"));
const OverviewPage = lazy(() => import("../features/dashboard/OverviewPage"));
const FollowUpPage = lazy(() => import("../features/follow-up/FollowUpPage"));
const MyTasksPage = lazy(() => import("../features/follow-up/MyTasksPage"));
const CalendarPage = lazy(() => import("../features/follow-up/CalendarPage"));
const EventsCalendarPage = lazy(() => import("../features/events/EventsCalendarPage"));
const DelegationsPage = lazy(() => import("../features/delegations/DelegationsPage"));
const DelegationPage = lazy(() => import("../features/delegations/DelegationPage"));
const PressVisitsPage = lazy(() => import("../features/press-visits/PressVisitsPage"));
const PressVisitPage = lazy(() => import("../features/press-visits/PressVisitPage"));
const PartnersPage = lazy(() => import("../features/partners/PartnersPage"));
const PartnerPage = lazy(() => import("../features/partners/PartnerPage"));
const TrainingPage = lazy(() => import("../features/training/TrainingPage"));
const CoursePage = lazy(() => import("../features/training/CoursePage"));
const AwardEntryPage = lazy(() => import("../features/training/AwardEntryPage"));
const BudgetPage = lazy(() => import("../features/budget/BudgetPage"));
const BudgetItemPage = lazy(() => import("../features/budget/BudgetItemPage"));
const InstallationsPage = lazy(() => import("../features/installations/InstallationsPage"));
const InstallationPage = lazy(() => import("../features/installations/InstallationPage"));
const PortalItemsPage = lazy(() => import("../features/portal/PortalItemsPage"));
const PortalEditorPage = lazy(() => import("../features/portal/PortalEditorPage"));
const PortalQueuePage = lazy(() => import("../features/portal/PortalQueuePage"));
const PortalGlossaryPage = lazy(() => import("../features/portal/PortalGlossaryPage"));
const PortalMediaPage = lazy(() => import("../features/portal-media/PortalMediaPage"));
/** The portal's content list (policy `portal.read`). */
const PORTAL_READERS: Role[] = ["admin", "secretariat", "leader", "member", "editor", "translator"];

/** Budget proposals: committee members and leaders read, the secretariat edits (policy `budget.read`). */
const BUDGET_READERS: Role[] = ["member", "leader", "secretariat", "admin"];
const ReportsPage = lazy(() => import("../features/reports/ReportsPage"));
const ReportEditorPage = lazy(() => import("../features/reports/ReportEditorPage"));
const LiveFeedPage = lazy(() => import("../features/monitoring/LiveFeedPage"));
const MonitoringItemPage = lazy(() => import("../features/monitoring/ItemPage"));
const StoryPage = lazy(() => import("../features/monitoring/StoryPage"));
const MonitoringSearchPage = lazy(() => import("../features/monitoring/SearchPage"));
const SourcesPage = lazy(() => import("../features/monitoring/SourcesPage"));
const CasesBoardPage = lazy(() => import("../features/monitoring/CasesBoardPage"));
const MonitoringStatsPage = lazy(() => import("../features/monitoring/StatsPage"));

/** Media-monitoring pages: path, page, who may open it. */
const MONITORING_PAGES = [
  { path: "monitoring/feed", Page: LiveFeedPage, roles: MONITORING_READERS },
  { path: "monitoring/items/:id", Page: MonitoringItemPage, roles: MONITORING_READERS },
  { path: "monitoring/stories/:id", Page: StoryPage, roles: MONITORING_READERS },
  { path: "monitoring/search", Page: MonitoringSearchPage, roles: MONITORING_READERS },
  { path: "monitoring/sources", Page: SourcesPage, roles: MONITORING_READERS },
  { path: "monitoring/cases", Page: CasesBoardPage, roles: CASE_WORKERS },
  { path: "monitoring/stats", Page: MonitoringStatsPage, roles: MONITORING_READERS },
];

function FullPageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="hd-fullpage-spinner">
      <Spin size="large" description={t("common.loading")} />
    </div>
  );
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { status, user, mustEnrolSecondFactor } = useAuth();
  const location = useLocation();
  if (status === "loading") return <FullPageSpinner />;
  if (status === "signed-out") {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  // The server allows nothing but the password change until it is done.
  if (user?.mustChangePassword) return <PasswordChangeGate />;
  if (mustEnrolSecondFactor) return <SecondFactorGate />;
  return children;
}

function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { hasRole } = useAuth();
  return hasRole(...roles) ? children : <ForbiddenPage />;
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpinner />}>{children}</Suspense>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route
          index
          element={
            <Lazy>
              <OverviewPage />
            </Lazy>
          }
        />
        <Route
          path="programmes"
          element={
            <Lazy>
              <ProgrammesPage />
            </Lazy>
          }
        />
        <Route
          path="programmes/import"
          element={
            <RequireRole roles={PROGRAMME_EDITORS}>
              <Lazy>
                <ImportPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="programmes/import/:id"
          element={
            <RequireRole roles={PROGRAMME_EDITORS}>
              <Lazy>
                <ImportReviewPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="programmes/citations"
          element={
            <Lazy>
              <CitationsPage />
            </Lazy>
          }
        />
        {(["tasks", "matrix", "timeline"] as const).map((view) => (
          <Route
            key={view}
            path={view === "tasks" ? "programmes/:id" : `programmes/:id/${view}`}
            element={
              <Lazy>
                <ProgrammePage view={view} />
              </Lazy>
            }
          />
        ))}
        <Route
          path="tasks/:id"
          element={
            <Lazy>
              <TaskPage />
            </Lazy>
          }
        />
        <Route
          path="follow-up"
          element={
            <Lazy>
              <FollowUpPage />
            </Lazy>
          }
        />
        <Route
          path="follow-up/mine"
          element={
            <Lazy>
              <MyTasksPage />
            </Lazy>
          }
        />
        <Route
          path="follow-up/calendar"
          element={
            <Lazy>
              <CalendarPage />
            </Lazy>
          }
        />
        <Route
          path="events"
          element={
            <Lazy>
              <EventsCalendarPage />
            </Lazy>
          }
        />
        {(
          [
            ["delegations", <DelegationsPage key="l" />],
            ["delegations/:id", <DelegationPage key="d" />],
            ["press-visits", <PressVisitsPage key="l" />],
            ["press-visits/:id", <PressVisitPage key="d" />],
            ["partners", <PartnersPage key="l" />],
            ["partners/:id", <PartnerPage key="d" />],
            ["training", <TrainingPage key="l" />],
            ["training/courses/:id", <CoursePage key="c" />],
            ["training/awards/:id", <AwardEntryPage key="a" />],
          ] as const
        ).map(([path, page]) => (
          <Route key={path} path={path} element={<Lazy>{page}</Lazy>} />
        ))}
        {[
          { path: "budget", Page: BudgetPage },
          { path: "budget/:id", Page: BudgetItemPage },
        ].map(({ path, Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <RequireRole roles={BUDGET_READERS}>
                <Lazy>
                  <Page />
                </Lazy>
              </RequireRole>
            }
          />
        ))}
        <Route
          path="portal"
          element={
            <RequireRole roles={PORTAL_READERS}>
              <Lazy>
                <PortalItemsPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="portal/items/:id"
          element={
            <RequireRole roles={PORTAL_READERS}>
              <Lazy>
                <PortalEditorPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="portal/queue"
          element={
            <RequireRole roles={PORTAL_READERS}>
              <Lazy>
                <PortalQueuePage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="portal/glossary"
          element={
            <RequireRole roles={PORTAL_READERS}>
              <Lazy>
                <PortalGlossaryPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="portal/media"
          element={
            <RequireRole roles={PORTAL_READERS}>
              <Lazy>
                <PortalMediaPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="installations"
          element={
            <Lazy>
              <InstallationsPage />
            </Lazy>
          }
        />
        <Route
          path="installations/:id"
          element={
            <Lazy>
              <InstallationPage />
            </Lazy>
          }
        />
        <Route
          path="reports"
          element={
            <RequireRole roles={REPORT_READERS}>
              <Lazy>
                <ReportsPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="reports/:id"
          element={
            <RequireRole roles={REPORT_READERS}>
              <Lazy>
                <ReportEditorPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route path="monitoring" element={<Navigate to="/monitoring/feed" replace />} />
        {MONITORING_PAGES.map(({ path, Page, roles }) => (
          <Route
            key={path}
            path={path}
            element={
              <RequireRole roles={roles}>
                <Lazy>
                  <Page />
                </Lazy>
              </RequireRole>
            }
          />
        ))}
        <Route path="directory" element={<Navigate to="/directory/units" replace />} />
        <Route
          path="directory/units"
          element={
            <Lazy>
              <UnitsPage />
            </Lazy>
          }
        />
        <Route
          path="directory/people"
          element={
            <Lazy>
              <PeoplePage />
            </Lazy>
          }
        />
        <Route
          path="directory/committee"
          element={
            <Lazy>
              <CommitteePage />
            </Lazy>
          }
        />
        <Route
          path="audit"
          element={
            <RequireRole roles={AUDIT_READERS}>
              <Lazy>
                <AuditPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireRole roles={["admin"]}>
              <Lazy>
                <UsersPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="account"
          element={
            <Lazy>
              <AccountPage />
            </Lazy>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
