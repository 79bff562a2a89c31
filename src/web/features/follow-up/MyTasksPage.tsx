import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { MyTasksTable } from "./MyTasksTable";

/** "Việc của tôi": what is due from the signed-in member, soonest first. */
export default function MyTasksPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("nav.myTasks")} description={t("followUp.myTasks.intro")} />
      <Card>
        <MyTasksTable />
      </Card>
    </>
  );
}
