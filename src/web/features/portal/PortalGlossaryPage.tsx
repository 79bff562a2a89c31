/**
 * The translation glossary per language: approved renderings of Vietnamese terms, renderings also
 * accepted, and forbidden ones. Editors add, edit and delete terms; everyone reading the portal sees them.
 */
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { PORTAL_KNOWN_LANGUAGES } from "../../../shared/api/portal";
import type { GlossaryTermBody, GlossaryTermDto } from "../../../shared/api/portal-translation";
import { isApiError } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { applyFieldErrors } from "../../components/server-errors";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { portalApi } from "./portal-api";

type TargetLang = GlossaryTermBody["lang"];
type FormValues = {
  lang: TargetLang;
  source: string;
  target: string;
  variants: string;
  forbidden: string;
  note: string;
};

const lines = (text: string | undefined) =>
  (text ?? "")
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);

export default function PortalGlossaryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canEdit = hasRole("admin", "secretariat", "editor");
  const [lang, setLang] = useState<TargetLang | undefined>(undefined);
  const [q, setQ] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<GlossaryTermDto | "new" | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<FormValues>();
  const [initial, setInitial] = useState<Partial<FormValues>>({});
  const meta = useApiData(useCallback((signal: AbortSignal) => portalApi.meta(signal), []));
  const terms = useApiData(
    useCallback((signal: AbortSignal) => portalApi.glossary(lang, q, signal), [lang, q]),
  );
  const languages = (meta.data?.languages ?? [...PORTAL_KNOWN_LANGUAGES]).filter(
    (l): l is TargetLang => l !== "vi",
  );

  function open(term: GlossaryTermDto | "new") {
    setEditing(term);
    setFormError(null);
    setInitial(
      term === "new"
        ? { lang: lang ?? languages[0], source: "", target: "", variants: "", forbidden: "", note: "" }
        : {
            lang: term.lang as TargetLang,
            source: term.source,
            target: term.target,
            variants: term.variants.join("\n"),
            forbidden: term.forbidden.join("\n"),
            note: term.note ?? "",
          },
    );
  }

  async function submit(values: FormValues) {
    setSaving(true);
    setFormError(null);
    const body: GlossaryTermBody = {
      lang: values.lang,
      source: values.source.trim(),
      target: values.target.trim(),
      variants: lines(values.variants),
      forbidden: lines(values.forbidden),
      note: values.note?.trim() || null,
    };
    try {
      if (editing === "new") await portalApi.createTerm(body);
      else if (editing) await portalApi.updateTerm(editing.id, body);
      message.success(t("portal.glossaryPage.saved"));
      setEditing(null);
      terms.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setFormError(isApiError(err) ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  async function remove(term: GlossaryTermDto) {
    try {
      await portalApi.deleteTerm(term.id);
      message.success(t("portal.glossaryPage.deleted"));
      terms.reload();
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  }

  return (
    <>
      <PageHeader
        title={t("portal.glossaryPage.title")}
        description={t("portal.glossaryPage.intro")}
        actions={
          canEdit && (
            <Button type="primary" onClick={() => open("new")}>
              {t("portal.glossaryPage.add")}
            </Button>
          )
        }
      />
      <search className="hd-filters" aria-label={t("common.filters")}>
        <Select<string>
          allowClear
          placeholder={t("portal.queue.allLanguages")}
          aria-label={t("portal.language")}
          className="hd-filter-select"
          options={languages.map((l) => ({ value: l, label: t(`portal.languages.${l}`) }))}
          onChange={(v) => setLang(v as TargetLang | undefined)}
        />
        <Input.Search
          allowClear
          placeholder={t("portal.glossaryPage.search")}
          aria-label={t("portal.glossaryPage.search")}
          onSearch={(v) => setQ(v.trim() || undefined)}
          className="hd-filter-search"
        />
      </search>
      {terms.error && <Alert type="error" showIcon title={terms.error} className="hd-mb" />}
      <Table<GlossaryTermDto>
        rowKey="id"
        loading={terms.loading}
        dataSource={terms.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { key: "lang", title: t("portal.language"), render: (_, r) => t(`portal.languages.${r.lang}`) },
          {
            key: "source",
            title: t("portal.glossaryPage.source"),
            render: (_, r) => <span lang="vi">{r.source}</span>,
          },
          {
            key: "target",
            title: t("portal.glossaryPage.target"),
            render: (_, r) => (
              <span lang={r.lang}>
                <strong>{r.target}</strong>
                {r.variants.map((v) => (
                  <Tag key={v} className="hd-ml">
                    {v}
                  </Tag>
                ))}
              </span>
            ),
          },
          {
            key: "forbidden",
            title: t("portal.glossaryPage.forbidden"),
            render: (_, r) =>
              r.forbidden.map((f) => (
                <Tag key={f} color="red" lang={r.lang}>
                  {f}
                </Tag>
              )),
          },
          { key: "note", title: t("portal.glossaryPage.note"), render: (_, r) => r.note ?? "" },
          ...(canEdit
            ? [
                {
                  key: "actions",
                  title: t("portal.glossaryPage.actions"),
                  render: (_: unknown, r: GlossaryTermDto) => (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => open(r)}
                        aria-label={`${t("portal.glossaryPage.edit")}: ${r.source}`}
                      >
                        {t("portal.glossaryPage.edit")}
                      </Button>
                      <Popconfirm
                        title={t("portal.glossaryPage.deleteConfirm", { source: r.source })}
                        onConfirm={() => remove(r)}
                      >
                        <Button
                          size="small"
                          danger
                          aria-label={`${t("portal.glossaryPage.delete")}: ${r.source}`}
                        >
                          {t("portal.glossaryPage.delete")}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={t(editing === "new" ? "portal.glossaryPage.add" : "portal.glossaryPage.edit")}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon title={formError} className="hd-mb" />}
        <Form<FormValues>
          key={editing === "new" ? "new" : (editing?.id ?? "none")}
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={submit}
        >
          <Form.Item name="lang" label={t("portal.language")} rules={[{ required: true }]}>
            <Select options={languages.map((l) => ({ value: l, label: t(`portal.languages.${l}`) }))} />
          </Form.Item>
          <Form.Item
            name="source"
            label={t("portal.glossaryPage.source")}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input lang="vi" maxLength={300} />
          </Form.Item>
          <Form.Item
            name="target"
            label={t("portal.glossaryPage.target")}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item
            name="variants"
            label={`${t("portal.glossaryPage.variants")} (${t("portal.glossaryPage.listHint")})`}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item
            name="forbidden"
            label={`${t("portal.glossaryPage.forbidden")} (${t("portal.glossaryPage.listHint")})`}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="note" label={t("portal.glossaryPage.note")}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
