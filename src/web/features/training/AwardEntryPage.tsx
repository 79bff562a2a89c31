import { Alert, App, Card, Descriptions, Spin, Tag } from "antd";
import dayjs from "dayjs";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../../api/client";
import { formatDate } from "../../components/format";
import { EntryHeader } from "../../components/registers/EntryHeader";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { PartnerItemModal } from "../partners/PartnerItemModal";
import { LinkedTasksCard } from "../registers/LinkedTasksCard";
import { AwardFields, type AwardFormValues } from "./AwardForm";
import { RESULT_COLORS, TRAINING_MANAGERS } from "./TrainingPage";
import { trainingApi } from "./training-api";

/** One entry to the national external-information award. */
export default function AwardEntryPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canManage = hasRole(...TRAINING_MANAGERS);
  const load = useCallback((signal: AbortSignal) => trainingApi.award(id, signal), [id]);
  const { data: entry, error, loading, reload } = useApiData(load);
  const [editing, setEditing] = useState(false);
  const fail = (err: unknown) => message.error(isApiError(err) ? err.message : String(err));

  if (loading && !entry) return <Spin />;
  if (error || !entry) return <Alert type="error" showIcon title={error ?? t("training.notFound")} />;

  return (
    <>
      <EntryHeader
        title={entry.title}
        back={{ to: "/training?tab=awards", label: t("training.backAwards") }}
        canManage={canManage}
        onEdit={() => setEditing(true)}
        remove={() => trainingApi.removeAward(id)}
        labels={{
          confirmDelete: t("training.confirmDelete"),
          delete: t("training.delete"),
          deleted: t("training.deleted"),
        }}
      />
      <Card className="hd-mb">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("training.authors")}>{entry.authors}</Descriptions.Item>
          <Descriptions.Item label={t("training.category")}>
            {t(`training.categories.${entry.category}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t("training.round")}>
            {entry.round} ({entry.year})
          </Descriptions.Item>
          <Descriptions.Item label={t("training.submittedOn")}>
            {formatDate(entry.submittedOn) || "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("training.result")}>
            <Tag color={RESULT_COLORS[entry.result]}>{t(`training.results.${entry.result}`)}</Tag>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <LinkedTasksCard kind="award_entry" recordId={id} canEdit={canManage} />
      <PartnerItemModal<AwardFormValues>
        open={editing}
        title={t("training.editAward")}
        onClose={() => setEditing(false)}
        initialValues={{
          title: entry.title,
          authors: entry.authors,
          category: entry.category,
          round: entry.round,
          year: entry.year,
          submittedOn: entry.submittedOn ? dayjs(entry.submittedOn) : undefined,
          result: entry.result,
        }}
        onSubmit={async (v) => {
          try {
            await trainingApi.updateAward(id, {
              ...v,
              submittedOn: v.submittedOn ? v.submittedOn.format("YYYY-MM-DD") : null,
            });
            setEditing(false);
            reload();
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
