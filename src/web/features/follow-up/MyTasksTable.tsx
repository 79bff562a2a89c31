import { Alert, Empty, type TableColumnsType } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { RoleChip } from "../programmes/PartyChips";
import { followUpApi, type MyTaskRow } from "./follow-up-api";
import { StatusTable } from "./StatusTable";

/** What is due from the signed-in member: tasks where they or their unit lead or coordinate. */
export function MyTasksTable() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const tasks = useApiData(useCallback((signal: AbortSignal) => followUpApi.myTasks(signal), []));
  if (!user?.personId) {
    return <Alert type="info" showIcon title={t("followUp.myTasks.noPerson")} />;
  }
  if (tasks.error) return <Alert type="error" showIcon title={tasks.error} role="alert" />;
  if (tasks.data && tasks.data.items.length === 0) {
    return <Empty description={t("followUp.myTasks.none")} />;
  }
  const roleColumn: TableColumnsType<MyTaskRow> = [
    {
      title: t("programmes.role"),
      key: "role",
      width: 100,
      // Below 992 px the task's text needs the room; the role is on the task's page.
      responsive: ["lg"],
      render: (_, row) =>
        row.role === "lead" || row.role === "coordinator" ? <RoleChip role={row.role} /> : row.role,
    },
  ];
  return <StatusTable rows={tasks.data?.items ?? []} loading={tasks.loading} extraColumns={roleColumn} />;
}
