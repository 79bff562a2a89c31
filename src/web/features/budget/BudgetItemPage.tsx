import { PaperClipOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, List, Popconfirm, Spin, Tag, Upload } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { formatDong } from "../../../shared/text/money";
import { isApiError } from "../../api/client";
import { formatDate, formatDateTime } from "../../components/format";
import { EntryHeader } from "../../components/registers/EntryHeader";
import { fileToBase64 } from "../../components/registers/file-base64";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { LinkedTasksCard } from "../registers/LinkedTasksCard";
import { BudgetFormDrawer } from "./BudgetFormDrawer";
import { BUDGET_MANAGERS, STATUS_COLORS } from "./BudgetPage";
import { budgetApi } from "./budget-api";

/** One budget item: amounts, status, documents, linked tasks. */
export default function BudgetItemPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canManage = hasRole(...BUDGET_MANAGERS);
  const load = useCallback((signal: AbortSignal) => budgetApi.get(id, signal), [id]);
  const { data: item, error, loading, reload } = useApiData(load);
  const [editing, setEditing] = useState(false);
  const [uploading, setUploading] = useState(false);

  const fail = (err: unknown) => message.error(isApiError(err) ? err.message : String(err));

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await budgetApi.addDocument(id, { filename: file.name, contentBase64: await fileToBase64(file) });
      reload();
    } catch (err) {
      fail(err);
    } finally {
      setUploading(false);
    }
  };

  if (loading && !item) return <Spin />;
  if (error || !item) return <Alert type="error" showIcon title={error ?? t("budget.notFound")} />;

  return (
    <>
      <EntryHeader
        title={item.title}
        back={{ to: "/budget", label: t("budget.back") }}
        canManage={canManage}
        onEdit={() => setEditing(true)}
        remove={() => budgetApi.remove(id)}
        labels={{
          confirmDelete: t("budget.confirmDelete"),
          delete: t("budget.delete"),
          deleted: t("budget.deleted"),
        }}
      />
      <Card className="hd-mb">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("budget.year")}>{item.year}</Descriptions.Item>
          <Descriptions.Item label={t("budget.status")}>
            <Tag color={STATUS_COLORS[item.status]}>{t(`budget.statuses.${item.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t("budget.proposedAmount")}>
            <span data-testid="budget-proposed">{formatDong(item.proposedAmount)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("budget.approvedAmount")}>
            {item.approvedAmount === null ? "—" : formatDong(item.approvedAmount)}
          </Descriptions.Item>
          <Descriptions.Item label={t("budget.disbursedAmount")}>
            {item.disbursedAmount === null ? "—" : formatDong(item.disbursedAmount)}
          </Descriptions.Item>
          <Descriptions.Item label={t("budget.proposedOn")}>
            {formatDate(item.proposedOn) || "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("budget.unit")}>{item.unitName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("common.updatedAt")}>
            {formatDateTime(item.updatedAt)}
          </Descriptions.Item>
          {item.description && (
            <Descriptions.Item label={t("budget.description")} span={2}>
              {item.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title={t("budget.documents")}
        size="small"
        className="hd-mb"
        extra={
          canManage && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<PaperClipOutlined />} loading={uploading}>
                {t("budget.addDocument")}
              </Button>
            </Upload>
          )
        }
      >
        <List
          dataSource={item.documents}
          locale={{ emptyText: t("budget.noDocuments") }}
          renderItem={(doc) => (
            <List.Item
              actions={[
                canManage && (
                  <Popconfirm
                    key="del"
                    title={t("budget.confirmDelete")}
                    onConfirm={async () => {
                      try {
                        await budgetApi.removeDocument(id, doc.id);
                        reload();
                      } catch (err) {
                        fail(err);
                      }
                    }}
                  >
                    <Button type="link" danger size="small">
                      {t("budget.delete")}
                    </Button>
                  </Popconfirm>
                ),
              ]}
            >
              <Button type="link" onClick={() => budgetApi.downloadDocument(id, doc).catch(fail)}>
                {doc.title}
              </Button>
              <span className="hd-muted">{doc.fileName}</span>
            </List.Item>
          )}
        />
      </Card>
      <LinkedTasksCard kind="budget_item" recordId={id} canEdit={canManage} />
      <BudgetFormDrawer
        open={editing}
        item={item}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          message.success(t("budget.saved"));
          reload();
        }}
      />
    </>
  );
}
