import { CameraOutlined, DeleteOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Image, Popconfirm, Space, Spin, Tag, Upload } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../../api/client";
import { formatDate, formatDateTime } from "../../components/format";
import { EntryHeader } from "../../components/registers/EntryHeader";
import { fileToBase64 } from "../../components/registers/file-base64";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { LinkedTasksCard } from "../registers/LinkedTasksCard";
import { InstallationFormDrawer } from "./InstallationFormDrawer";
import { INSTALLATION_MANAGERS, INSTALLATION_STATUS_COLORS } from "./InstallationsPage";
import { installationsApi } from "./installations-api";

/** One installation: place, size, themes, photos (resized on the server), linked tasks. */
export default function InstallationPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canManage = hasRole(...INSTALLATION_MANAGERS);
  const load = useCallback((signal: AbortSignal) => installationsApi.get(id, signal), [id]);
  const { data: item, error, loading, reload } = useApiData(load);
  const [editing, setEditing] = useState(false);
  const [uploading, setUploading] = useState(false);

  const fail = (err: unknown) => message.error(isApiError(err) ? err.message : String(err));

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await installationsApi.addPhoto(id, { filename: file.name, contentBase64: await fileToBase64(file) });
      reload();
    } catch (err) {
      fail(err);
    } finally {
      setUploading(false);
    }
  };

  if (loading && !item) return <Spin />;
  if (error || !item) return <Alert type="error" showIcon title={error ?? t("installations.notFound")} />;

  const hasPlace = item.latitude !== null && item.longitude !== null;
  return (
    <>
      <EntryHeader
        title={item.title}
        back={{ to: "/installations", label: t("installations.back") }}
        canManage={canManage}
        onEdit={() => setEditing(true)}
        remove={() => installationsApi.remove(id)}
        labels={{
          confirmDelete: t("installations.confirmDelete"),
          delete: t("installations.delete"),
          deleted: t("installations.deleted"),
        }}
      />
      <Card className="hd-mb">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("installations.kind")}>
            {t(`installations.kinds.${item.kind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t("installations.status")}>
            <Tag color={INSTALLATION_STATUS_COLORS[item.status]}>
              {t(`installations.statuses.${item.status}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t("installations.address")}>{item.address}</Descriptions.Item>
          <Descriptions.Item label={t("installations.district")}>{item.districtName}</Descriptions.Item>
          <Descriptions.Item label={t("installations.coordinates")}>
            {hasPlace ? (
              <a
                href={`https://www.openstreetmap.org/?mlat=${item.latitude}&mlon=${item.longitude}#map=17/${item.latitude}/${item.longitude}`}
                target="_blank"
                rel="noreferrer noopener"
              >
                {item.latitude}, {item.longitude} · {t("installations.openMap")}
              </a>
            ) : (
              "—"
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("installations.size")}>
            {item.widthM !== null && item.heightM !== null ? `${item.widthM} × ${item.heightM} m` : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("installations.themes")}>
            {item.themes.length ? item.themes.map((th) => <Tag key={th}>{th}</Tag>) : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("installations.installedOn")}>
            {formatDate(item.installedOn) || "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("installations.unit")}>{item.unitName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("common.updatedAt")}>
            {formatDateTime(item.updatedAt)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t("installations.photos")}
        size="small"
        className="hd-mb"
        extra={
          canManage && (
            <Upload
              accept="image/jpeg,image/png,image/webp"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<CameraOutlined />} loading={uploading}>
                {t("installations.addPhoto")}
              </Button>
            </Upload>
          )
        }
      >
        <p className="hd-muted">{t("installations.photoHint")}</p>
        {item.photos.length === 0 ? (
          <span className="hd-muted">{t("installations.noPhotos")}</span>
        ) : (
          <Image.PreviewGroup>
            <Space wrap>
              {item.photos.map((photo) => (
                <figure key={photo.id} className="hd-installation-photo" data-testid="installation-photo">
                  <Image
                    width={160}
                    src={photo.smallPath}
                    preview={{ src: photo.largePath }}
                    alt={photo.caption ?? photo.fileName}
                  />
                  <figcaption className="hd-muted">
                    {photo.caption ?? photo.fileName}
                    {canManage && (
                      <Popconfirm
                        title={t("installations.confirmDeletePhoto")}
                        onConfirm={async () => {
                          try {
                            await installationsApi.removePhoto(id, photo.id);
                            reload();
                          } catch (err) {
                            fail(err);
                          }
                        }}
                      >
                        <Button type="link" danger size="small" aria-label={t("installations.delete")}>
                          <DeleteOutlined />
                        </Button>
                      </Popconfirm>
                    )}
                  </figcaption>
                </figure>
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
      </Card>
      <LinkedTasksCard kind="installation" recordId={id} canEdit={canManage} />
      <InstallationFormDrawer
        open={editing}
        item={item}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          message.success(t("installations.saved"));
          reload();
        }}
      />
    </>
  );
}
