import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { App, Button, Popconfirm, Space } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import { PageHeader } from "../PageHeader";

/**
 * The header of one register entry's page: its title, a link back to the list and, for those who
 * manage the register, "Sửa" and a confirmed "Xóa" that goes back to the list once the entry is gone.
 */
export function EntryHeader({
  title,
  back,
  canManage,
  onEdit,
  remove,
  labels,
}: {
  title: string;
  /** The list to go back to, e.g. `{ to: "/budget", label: "Danh sách đề xuất" }`. */
  back: { to: string; label: string };
  canManage: boolean;
  onEdit(): void;
  remove(): Promise<unknown>;
  labels: { confirmDelete: string; delete: string; deleted: string };
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <PageHeader
      title={title}
      description={<Link to={back.to}>← {back.label}</Link>}
      actions={
        canManage && (
          <Space>
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t("common.edit")}
            </Button>
            <Popconfirm
              title={labels.confirmDelete}
              onConfirm={async () => {
                try {
                  await remove();
                  message.success(labels.deleted);
                  navigate(back.to);
                } catch (err) {
                  message.error(isApiError(err) ? err.message : String(err));
                }
              }}
            >
              <Button danger icon={<DeleteOutlined />}>
                {labels.delete}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    />
  );
}
