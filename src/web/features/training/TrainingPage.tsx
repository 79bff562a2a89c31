import { Alert, App, Select, Table, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { AWARD_RESULTS, type AwardEntry, type CourseSummary } from "../../../shared/api/training";
import { AWARD_IMPORT_TEMPLATE } from "../../../shared/registers/import-templates";
import { isApiError } from "../../api/client";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { RegisterActions } from "../../components/registers/RegisterActions";
import { RegisterFilters, StatusTag } from "../../components/registers/RegisterFilters";
import { useServerTable } from "../../components/use-server-table";
import { useAuth } from "../auth/auth-context";
import { PartnerItemModal } from "../partners/PartnerItemModal";
import { AwardFields, type AwardFormValues } from "./AwardForm";
import { CourseFields, type CourseFormValues, lines } from "./CourseForm";
import { trainingApi } from "./training-api";

export const TRAINING_MANAGERS = ["secretariat", "admin"] as const;
export const RESULT_COLORS: Record<AwardEntry["result"], string> = {
  pending: "default",
  not_awarded: "default",
  a: "gold",
  b: "volcano",
  c: "blue",
  consolation: "green",
};

/** "Bồi dưỡng và Giải thông tin đối ngoại": courses and award entries in two tabs. */
export default function TrainingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "awards" ? "awards" : "courses";
  const { hasRole } = useAuth();
  const canManage = hasRole(...TRAINING_MANAGERS);
  const courses = useServerTable<CourseSummary, { q?: string }>("/api/training/courses", { filters: {} });
  const awards = useServerTable<AwardEntry, { q?: string; result?: string }>("/api/training/awards", {
    filters: {},
  });
  const [dialog, setDialog] = useState<null | "course" | "award">(null);

  const fail = (err: unknown) => message.error(isApiError(err) ? err.message : String(err));

  const coursesTab = (
    <>
      <RegisterActions
        className="hd-mb"
        canManage={canManage}
        addLabel={t("training.addCourse")}
        onAdd={() => setDialog("course")}
        exportAs={(format) => trainingApi.exportCourses(format, courses.filters)}
      />
      <RegisterFilters
        searchLabel={t("training.searchCourses")}
        onSearch={(q) => courses.setFilter("q", q)}
      />
      {courses.error && <Alert type="error" showIcon title={courses.error} className="hd-mb" />}
      <Table<CourseSummary>
        {...courses.tableProps}
        columns={[
          {
            key: "title",
            title: t("training.courseTitle"),
            render: (_, c) => <Link to={`/training/courses/${c.id}`}>{c.title}</Link>,
          },
          {
            key: "dates",
            title: t("training.dates"),
            render: (_, c) =>
              c.endDate === c.startDate
                ? formatDate(c.startDate)
                : `${formatDate(c.startDate)} – ${formatDate(c.endDate)}`,
            width: 200,
          },
          { key: "topics", title: t("training.topics"), render: (_, c) => c.topics.join("; ") },
          {
            key: "participants",
            title: t("training.participants"),
            align: "right",
            render: (_, c) => t("training.attendance", { attended: c.attended, total: c.participants }),
            width: 140,
          },
        ]}
      />
    </>
  );

  const awardsTab = (
    <>
      <RegisterActions
        className="hd-mb"
        canManage={canManage}
        addLabel={t("training.addAward")}
        onAdd={() => setDialog("award")}
        exportAs={(format) => trainingApi.exportAwards(format, awards.filters)}
        importer={{
          path: "/api/training/awards/import",
          template: AWARD_IMPORT_TEMPLATE,
          title: t("training.awards"),
          onImported: awards.reload,
        }}
      />
      <RegisterFilters searchLabel={t("training.searchAwards")} onSearch={(q) => awards.setFilter("q", q)}>
        <Select<string>
          allowClear
          placeholder={t("training.allResults")}
          aria-label={t("training.result")}
          className="hd-filter-select"
          options={AWARD_RESULTS.map((r) => ({ value: r, label: t(`training.results.${r}`) }))}
          onChange={(v) => awards.setFilter("result", v)}
        />
      </RegisterFilters>
      {awards.error && <Alert type="error" showIcon title={awards.error} className="hd-mb" />}
      <Table<AwardEntry>
        {...awards.tableProps}
        columns={[
          {
            key: "title",
            title: t("training.entry"),
            render: (_, a) => <Link to={`/training/awards/${a.id}`}>{a.title}</Link>,
          },
          { key: "authors", dataIndex: "authors", title: t("training.authors") },
          {
            key: "category",
            title: t("training.category"),
            render: (_, a) => t(`training.categories.${a.category}`),
          },
          { key: "round", title: t("training.round"), render: (_, a) => `${a.round} (${a.year})` },
          {
            key: "result",
            title: t("training.result"),
            render: (_, a) => (
              <StatusTag status={a.result} colors={RESULT_COLORS} label={t(`training.results.${a.result}`)} />
            ),
          },
        ]}
      />
    </>
  );

  return (
    <>
      <PageHeader title={t("training.title")} description={t("training.intro")} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "awards" ? { tab: "awards" } : {})}
        items={[
          { key: "courses", label: t("training.courses"), children: coursesTab },
          { key: "awards", label: t("training.awards"), children: awardsTab },
        ]}
      />
      <PartnerItemModal<CourseFormValues>
        open={dialog === "course"}
        title={t("training.addCourse")}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          try {
            const created = await trainingApi.createCourse({
              title: v.title,
              startDate: v.startDate.format("YYYY-MM-DD"),
              endDate: v.endDate ? v.endDate.format("YYYY-MM-DD") : null,
              location: v.location || null,
              topics: lines(v.topics),
              trainers: lines(v.trainers),
            });
            message.success(t("training.saved"));
            navigate(`/training/courses/${created.id}`);
          } catch (err) {
            fail(err);
          }
        }}
      >
        <CourseFields />
      </PartnerItemModal>
      <PartnerItemModal<AwardFormValues>
        open={dialog === "award"}
        title={t("training.addAward")}
        onClose={() => setDialog(null)}
        initialValues={{ result: "pending", year: new Date().getFullYear(), category: "press" }}
        onSubmit={async (v) => {
          try {
            const created = await trainingApi.createAward({
              ...v,
              submittedOn: v.submittedOn ? v.submittedOn.format("YYYY-MM-DD") : null,
            });
            message.success(t("training.saved"));
            navigate(`/training/awards/${created.id}`);
          } catch (err) {
            fail(err);
          }
        }}
      >
        <AwardFields />
      </PartnerItemModal>
    </>
  );
}
