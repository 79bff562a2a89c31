/**
 * The portal's media library: a grid of images and PDFs with thumbnails, upload (the server reads the
 * real type, refuses image bombs and strips EXIF), alt text per language — required in every language
 * an item using the image is published in — caption, credit, and where each file is used.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Spin,
  Tag,
  Upload,
} from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PORTAL_KNOWN_LANGUAGES } from "../../../shared/api/portal";
import type { PortalMedia, PortalMediaKind } from "../../../shared/api/portal-media";
import { isApiError } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { fileToBase64 } from "../../components/registers/file-base64";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { portalApi } from "../portal/portal-api";
import { portalMediaApi } from "./portal-media-api";
import "./portal-media.css";

type FormValues = { alt: Record<string, string>; caption: Record<string, string>; credit: string };

const kilobytes = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString("vi-VN")} KB`;

export default function PortalMediaPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canEdit = hasRole("admin", "secretariat", "editor");
  const [q, setQ] = useState<string | undefined>(undefined);
  const [kind, setKind] = useState<PortalMediaKind | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [uploading, setUploading] = useState(false);
  const [editing, setEditing] = useState<PortalMedia | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<FormValues>();
  const meta = useApiData(useCallback((signal: AbortSignal) => portalApi.meta(signal), []));
  const media = useApiData(
    useCallback(
      (signal: AbortSignal) => portalMediaApi.list({ q, kind, page, pageSize: 24 }, signal),
      [q, kind, page],
    ),
  );
  const languages = meta.data?.languages ?? [...PORTAL_KNOWN_LANGUAGES];
  const missingAlt = (m: PortalMedia) => languages.filter((l) => !m.alt[l]);

  async function upload(file: File) {
    setUploading(true);
    try {
      const created = await portalMediaApi.upload({
        filename: file.name,
        contentBase64: await fileToBase64(file),
      });
      message.success(t("portalMedia.uploaded", { name: created.originalName }));
      media.reload();
      open(created);
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    } finally {
      setUploading(false);
    }
  }

  function open(m: PortalMedia) {
    setEditing(m);
    setFormError(null);
    form.setFieldsValue({ alt: { ...m.alt }, caption: { ...m.caption }, credit: m.credit ?? "" });
  }

  async function save(values: FormValues) {
    if (!editing) return;
    setSaving(true);
    setFormError(null);
    const texts = (v: Record<string, string> | undefined) =>
      Object.fromEntries(languages.map((l) => [l, (v?.[l] ?? "").trim()]));
    try {
      const saved = await portalMediaApi.update(editing.id, {
        alt: texts(values.alt),
        caption: texts(values.caption),
        credit: values.credit?.trim() || null,
      });
      message.success(t("portalMedia.saved"));
      setEditing(saved);
      media.reload();
    } catch (err) {
      setFormError(isApiError(err) ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  async function remove(m: PortalMedia) {
    try {
      await portalMediaApi.remove(m.id);
      message.success(t("portalMedia.deleted"));
      setEditing(null);
      media.reload();
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  }

  return (
    <>
      <PageHeader
        title={t("portalMedia.title")}
        description={t("portalMedia.intro")}
        actions={
          canEdit && (
            <Upload
              accept="image/jpeg,image/png,image/webp,application/pdf"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button type="primary" loading={uploading}>
                {t("portalMedia.upload")}
              </Button>
            </Upload>
          )
        }
      />
      <search className="hd-filters" aria-label={t("common.filters")}>
        <Input.Search
          allowClear
          placeholder={t("portalMedia.search")}
          aria-label={t("portalMedia.search")}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(1);
          }}
          className="hd-filter-search"
        />
        <Select<PortalMediaKind>
          allowClear
          placeholder={t("portalMedia.allKinds")}
          aria-label={t("portalMedia.kind")}
          className="hd-filter-select"
          options={(["image", "pdf"] as const).map((k) => ({ value: k, label: t(`portalMedia.kinds.${k}`) }))}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
        />
      </search>
      {media.error && <Alert type="error" showIcon title={media.error} className="hd-mb" />}
      <Spin spinning={media.loading}>
        {media.data && media.data.items.length === 0 ? (
          <Empty description={t("portalMedia.empty")} />
        ) : (
          <ul className="hd-media-grid" aria-label={t("portalMedia.title")}>
            {(media.data?.items ?? []).map((m) => {
              const missing = missingAlt(m);
              return (
                <li key={m.id}>
                  <Card
                    hoverable
                    size="small"
                    cover={
                      m.thumbnailPath ? (
                        <img
                          src={m.thumbnailPath}
                          alt={m.alt.vi ?? ""}
                          loading="lazy"
                          className="hd-media-thumb"
                        />
                      ) : undefined
                    }
                  >
                    <Button type="link" className="hd-media-name" onClick={() => open(m)}>
                      {m.originalName}
                    </Button>
                    <div>
                      <Tag>{t(`portalMedia.kinds.${m.kind}`)}</Tag>
                      {m.width && m.height ? `${m.width}×${m.height}` : ""}
                      {m.pageCount ? ` · ${t("portalMedia.pages", { count: m.pageCount })}` : ""}
                    </div>
                    {missing.length > 0 && (
                      <Tag color="orange">{t("portalMedia.altMissing", { langs: missing.join(", ") })}</Tag>
                    )}
                    <div>{t("portalMedia.usedBy", { count: m.usage.length })}</div>
                  </Card>
                </li>
              );
            })}
          </ul>
        )}
      </Spin>
      {media.data && media.data.total > media.data.pageSize && (
        <Space className="hd-mb">
          <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t("portalMedia.previous")}
          </Button>
          <span>
            {page} / {Math.ceil(media.data.total / media.data.pageSize)}
          </span>
          <Button disabled={page * media.data.pageSize >= media.data.total} onClick={() => setPage(page + 1)}>
            {t("portalMedia.next")}
          </Button>
        </Space>
      )}
      <Drawer
        open={editing !== null}
        title={editing?.originalName}
        size="large"
        onClose={() => setEditing(null)}
        destroyOnHidden
        extra={
          canEdit &&
          editing && (
            <Space>
              <Popconfirm
                title={t("portalMedia.deleteConfirm", { name: editing.originalName })}
                onConfirm={() => remove(editing)}
                disabled={editing.usage.length > 0}
              >
                <Button
                  danger
                  disabled={editing.usage.length > 0}
                  title={editing.usage.length > 0 ? t("portalMedia.inUse") : undefined}
                >
                  {t("portalMedia.delete")}
                </Button>
              </Popconfirm>
              <Button type="primary" loading={saving} onClick={() => form.submit()}>
                {t("portalMedia.save")}
              </Button>
            </Space>
          )
        }
      >
        {editing && (
          <>
            {editing.thumbnailPath && (
              <img src={editing.thumbnailPath} alt={editing.alt.vi ?? ""} className="hd-media-preview" />
            )}
            <p>
              {editing.mediaType} · {kilobytes(editing.size)}
              {editing.width && editing.height ? ` · ${editing.width}×${editing.height}` : ""}
              {editing.pageCount ? ` · ${t("portalMedia.pages", { count: editing.pageCount })}` : ""}
            </p>
            {formError && <Alert type="error" showIcon title={formError} className="hd-mb" />}
            <Form<FormValues> form={form} layout="vertical" onFinish={save} disabled={!canEdit}>
              <Form.Item name="credit" label={t("portalMedia.credit")}>
                <Input maxLength={300} />
              </Form.Item>
              {languages.map((l) => (
                <fieldset key={l} className="hd-media-lang">
                  <legend>{t(`portal.languages.${l}`)}</legend>
                  <Form.Item name={["alt", l]} label={t("portalMedia.alt")}>
                    <Input lang={l} maxLength={500} />
                  </Form.Item>
                  <Form.Item name={["caption", l]} label={t("portalMedia.caption")}>
                    <Input lang={l} maxLength={500} />
                  </Form.Item>
                </fieldset>
              ))}
            </Form>
            <h3>{t("portalMedia.usage")}</h3>
            {editing.usage.length === 0 ? (
              <p>{t("portalMedia.unused")}</p>
            ) : (
              <ul>
                {editing.usage.map((u) => (
                  <li key={u.itemId}>
                    <Link to={`/portal/items/${encodeURIComponent(u.itemId)}`}>{u.title}</Link>
                    {u.publishedLanguages.length > 0 &&
                      ` — ${t("portalMedia.publishedIn", { langs: u.publishedLanguages.join(", ") })}`}
                  </li>
                ))}
              </ul>
            )}
            <h3>{t("portalMedia.files")}</h3>
            <ul>
              {editing.variants.map((v) => (
                <li key={v.url}>
                  <code>{v.url}</code> {v.format.toUpperCase()} {v.width ? `${v.width}×${v.height}` : ""}
                </li>
              ))}
            </ul>
          </>
        )}
      </Drawer>
    </>
  );
}
