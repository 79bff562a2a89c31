/**
 * The side-by-side editor: the Vietnamese source on the left, the chosen language on the right, field by
 * field (title, summary, body, image alt texts, SEO fields). When the source changed since the revision
 * the translation was made from, the changed words of the source are highlighted. Beside the translation:
 * glossary warnings, and per segment the glossary terms it uses and translation-memory suggestions that
 * one click inserts into the translation. The workflow steps the user may take are buttons;
 * a language can be previewed as the public site will show it.
 */
import { Alert, App, Button, Card, Input, Select, Space, Spin, Tabs, Tag, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type {
  LocalizationBody,
  PortalItem,
  PortalLanguage,
  PortalLocalization,
  PortalState,
  RevisionDiff,
  RichTextDoc,
} from "../../../shared/api/portal";
import { isEmptyDoc } from "../../../shared/text/portal-rich-text";
import { isApiError } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { ItemResponseCase } from "./ItemResponseCase";
import { PortalField } from "./PortalField";
import { PortalItemSettings } from "./PortalItemSettings";
import { portalApi } from "./portal-api";
import { imagesOf, NEXT_STATES, STEP_ROLES, withImageAlt, withUnitText } from "./portal-workflow";
import { RichTextEditor } from "./RichTextEditor";
import "./portal-editor.css";

type TextForm = {
  title: string;
  summary: string;
  body: RichTextDoc;
  seoTitle: string;
  seoDescription: string;
  slug: string;
};

const EMPTY_DOC: RichTextDoc = { type: "doc", content: [] };

const draftOf = (loc: PortalLocalization | undefined): TextForm => ({
  title: loc?.title ?? "",
  summary: loc?.summary ?? "",
  body: loc?.body ?? EMPTY_DOC,
  seoTitle: loc?.seoTitle ?? "",
  seoDescription: loc?.seoDescription ?? "",
  slug: loc?.slug ?? "",
});

/** Text with the parts inserted since the translation's source revision marked (deleted ones struck). */
function DiffText({ parts }: { parts: RevisionDiff["fields"][number]["parts"] }) {
  const { t } = useTranslation();
  return (
    <>
      {parts.map((p, i) =>
        p.op === "equal" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity beyond their place
          <span key={i}>{p.text}</span>
        ) : p.op === "insert" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity beyond their place
          <ins key={i} className="hd-diff-insert" title={t("portal.editor.diffInserted")}>
            {p.text}
          </ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity beyond their place
          <del key={i} className="hd-diff-delete" title={t("portal.editor.diffDeleted")}>
            {p.text}
          </del>
        ),
      )}
    </>
  );
}

export default function PortalEditorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();

  const meta = useApiData(useCallback((signal: AbortSignal) => portalApi.meta(signal), []));
  const languages: PortalLanguage[] = meta.data?.languages ?? ["vi", "en"];
  const targets = languages.filter((l) => l !== "vi");
  const lang = (params.get("lang") ?? targets[0] ?? "en") as PortalLanguage;
  const isSource = lang === "vi";

  const [item, setItem] = useState<PortalItem | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<TextForm>(draftOf(undefined));
  const [bodyVersion, setBodyVersion] = useState(0);
  const [isDirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [aidsVersion, setAidsVersion] = useState(0);
  const [tab, setTab] = useState("edit");

  const source = item?.localizations.find((l) => l.lang === "vi");
  const target = item?.localizations.find((l) => l.lang === lang);

  useEffect(() => {
    const controller = new AbortController();
    portalApi
      .get(id, controller.signal)
      .then((value) => {
        setItem(value);
        setLoadError(null);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setLoadError(isApiError(err) ? err.message : String(err));
      });
    return () => controller.abort();
  }, [id]);

  // A new item or another language: the form shows that language's saved text.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the language or item changes
  useEffect(() => {
    if (!item) return;
    setDraft(draftOf(item.localizations.find((l) => l.lang === lang)));
    setBodyVersion((v) => v + 1);
    setDirty(false);
    setActionError(null);
  }, [item?.id, lang]);

  // Outdated: what changed in the source between the revision the translation was made from and now.
  useEffect(() => {
    setDiff(null);
    if (!item || !source || !target || isSource || !target.isOutdated) return;
    const controller = new AbortController();
    portalApi
      .revisions(id, "vi", controller.signal)
      .then(async ({ items }) => {
        const base = items
          .filter((r) => r.sourceRevision <= target.sourceRevision)
          .sort((a, b) => b.revision - a.revision)[0];
        if (!base || base.revision >= source.revision) return;
        setDiff(await portalApi.diff(id, "vi", base.revision, source.revision, controller.signal));
      })
      .catch(() => {
        // The source is still shown whole; the highlight is an aid.
      });
    return () => controller.abort();
  }, [id, item, source, target, isSource]);

  const checks = useApiData(
    // biome-ignore lint/correctness/useExhaustiveDependencies: aidsVersion reloads after a save
    useCallback(
      (signal: AbortSignal) =>
        target && !isSource ? portalApi.checks(id, lang, signal) : Promise.resolve(null),
      [id, lang, target?.revision, isSource, aidsVersion],
    ),
  );
  const suggestions = useApiData(
    useCallback(
      (signal: AbortSignal) =>
        !isSource && source ? portalApi.suggestions(id, lang, signal) : Promise.resolve(null),
      [id, lang, isSource, source],
    ),
  );

  const set = <K extends keyof TextForm>(key: K, value: TextForm[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setDirty(true);
  };

  async function run(action: () => Promise<PortalItem>, done: string) {
    setBusy(true);
    setActionError(null);
    try {
      const next = await action();
      setItem(next);
      setAidsVersion((v) => v + 1);
      message.success(done);
      return true;
    } catch (err) {
      setActionError(isApiError(err) ? err.message : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    if (await run(() => portalApi.save(id, lang, draftBody(draft)), t("portal.editor.saved")))
      setDirty(false);
  }

  async function move(to: PortalState) {
    if (isDirty && !(await run(() => portalApi.save(id, lang, draftBody(draft)), t("portal.editor.saved"))))
      return;
    setDirty(false);
    await run(() => portalApi.transition(id, lang, to), t(`portal.editor.moved.${to}`));
  }

  const steps = useMemo(
    () => (target ? NEXT_STATES[target.state].filter((s) => hasRole(...STEP_ROLES[s.step])) : []),
    [target, hasRole],
  );

  if (loadError) return <Alert type="error" showIcon title={loadError} />;
  if (!item || !source) return <Spin />;

  const diffOf = (field: string) =>
    diff?.fields.find((f) => f.field === field && f.parts.some((p) => p.op !== "equal"));
  const sourceImages = imagesOf(source.body);
  /** Segments with a translation-memory match or a glossary term, in reading order. */
  const aidUnits = suggestions.data?.units.filter((u) => u.matches.length > 0 || u.terms.length > 0) ?? [];
  /** Puts a memory match into the translation being edited, where the segment's own text goes. */
  const insertUnit = (unitId: string, field: string, text: string) => {
    setDraft((d) => withUnitText(d, source.body, unitId, text));
    setDirty(true);
    if (unitId.startsWith("body/")) setBodyVersion((v) => v + 1);
    message.success(t("portal.editor.inserted", { field }));
  };
  const targetImages = imagesOf(draft.body);
  const canSave =
    draft.title.trim() !== "" && (isSource || !isEmptyDoc(draft.body) || draft.summary.trim() !== "");

  const sourceColumn = (
    <Card
      size="small"
      title={
        <Space>
          {t("portal.editor.source")}
          <Tag>{t(`portal.states.${source.state}`)}</Tag>
          <span className="hd-muted">{t("portal.editor.revision", { n: item.sourceRevision })}</span>
        </Space>
      }
    >
      {target?.isOutdated && (
        <Alert
          type="warning"
          showIcon
          className="hd-mb"
          title={t("portal.editor.outdated", { from: target.sourceRevision, to: item.sourceRevision })}
          description={diff ? t("portal.editor.outdatedHint") : undefined}
        />
      )}
      <PortalField label={t("portal.editor.fields.title")}>
        <div className="hd-portal-source-text" lang="vi" data-testid="source-title">
          {diffOf("title") ? <DiffText parts={diffOf("title")?.parts ?? []} /> : source.title}
        </div>
      </PortalField>
      <PortalField label={t("portal.editor.fields.summary")}>
        <div className="hd-portal-source-text" lang="vi">
          {diffOf("summary") ? <DiffText parts={diffOf("summary")?.parts ?? []} /> : source.summary || "—"}
        </div>
      </PortalField>
      <PortalField label={t("portal.editor.fields.body")}>
        {diffOf("body") ? (
          <div className="hd-portal-source-text" lang="vi" data-testid="source-body-diff">
            <DiffText parts={diffOf("body")?.parts ?? []} />
          </div>
        ) : (
          <div lang="vi">
            <RichTextEditor
              key={`src-${source.revision}`}
              value={source.body}
              label={t("portal.editor.sourceBody")}
              readOnly
            />
          </div>
        )}
      </PortalField>
      {sourceImages.length > 0 && (
        <PortalField label={t("portal.editor.fields.alt")}>
          <ol className="hd-portal-aside-list" lang="vi">
            {sourceImages.map((img, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: images are identified by their place
              <li key={i}>{img.alt || "—"}</li>
            ))}
          </ol>
        </PortalField>
      )}
      <PortalField label={t("portal.editor.fields.seoTitle")}>
        <div className="hd-portal-source-text" lang="vi">
          {source.seoTitle || "—"}
        </div>
      </PortalField>
      <PortalField label={t("portal.editor.fields.seoDescription")}>
        <div className="hd-portal-source-text" lang="vi">
          {source.seoDescription || "—"}
        </div>
      </PortalField>
    </Card>
  );

  const targetColumn = (
    <Card
      size="small"
      title={
        <Space wrap>
          {t(`portal.languages.${lang}`)}
          <Tag>{t(`portal.states.${target?.state ?? "missing"}`)}</Tag>
          {target && <span className="hd-muted">{t("portal.editor.revision", { n: target.revision })}</span>}
          {isDirty && <Tag color="orange">{t("portal.editor.unsaved")}</Tag>}
        </Space>
      }
      extra={
        !isSource && (
          <Button
            size="small"
            onClick={() => {
              set("body", source.body);
              setBodyVersion((v) => v + 1);
            }}
          >
            {t("portal.editor.copySource")}
          </Button>
        )
      }
    >
      <PortalField label={t("portal.editor.fields.title")} htmlFor="portal-title">
        <Input
          id="portal-title"
          lang={lang}
          value={draft.title}
          maxLength={300}
          onChange={(e) => set("title", e.target.value)}
        />
      </PortalField>
      <PortalField label={t("portal.editor.fields.summary")} htmlFor="portal-summary">
        <Input.TextArea
          id="portal-summary"
          lang={lang}
          rows={3}
          maxLength={1000}
          value={draft.summary}
          onChange={(e) => set("summary", e.target.value)}
        />
      </PortalField>
      <PortalField label={t("portal.editor.fields.body")}>
        <div lang={lang}>
          <RichTextEditor
            value={draft.body}
            resetKey={bodyVersion}
            label={t("portal.editor.targetBody", { lang: t(`portal.languages.${lang}`) })}
            onChange={(doc) => set("body", doc)}
          />
        </div>
      </PortalField>
      {targetImages.length > 0 && (
        <PortalField label={t("portal.editor.fields.alt")}>
          {targetImages.map((img, i) => (
            <Input
              // biome-ignore lint/suspicious/noArrayIndexKey: images are identified by their place
              key={i}
              className="hd-mb"
              lang={lang}
              aria-label={t("portal.editor.altOf", { n: i + 1 })}
              value={img.alt}
              onChange={(e) => {
                set("body", withImageAlt(draft.body, i, e.target.value));
                setBodyVersion((v) => v + 1);
              }}
            />
          ))}
        </PortalField>
      )}
      <PortalField label={t("portal.editor.fields.seoTitle")} htmlFor="portal-seo-title">
        <Input
          id="portal-seo-title"
          lang={lang}
          maxLength={200}
          value={draft.seoTitle}
          onChange={(e) => set("seoTitle", e.target.value)}
        />
      </PortalField>
      <PortalField label={t("portal.editor.fields.seoDescription")} htmlFor="portal-seo-description">
        <Input.TextArea
          id="portal-seo-description"
          lang={lang}
          maxLength={400}
          rows={3}
          value={draft.seoDescription}
          onChange={(e) => set("seoDescription", e.target.value)}
        />
      </PortalField>
      <PortalField label={t("portal.editor.fields.slug")} htmlFor="portal-slug">
        <Input
          id="portal-slug"
          maxLength={120}
          placeholder={t("portal.editor.slugHint")}
          value={draft.slug}
          onChange={(e) => set("slug", e.target.value)}
        />
      </PortalField>
    </Card>
  );

  const aids = !isSource && (
    <Space direction="vertical" className="hd-portal-aids">
      <Card size="small" title={t("portal.editor.glossary")}>
        {!target ? (
          <Typography.Text type="secondary">{t("portal.editor.glossaryAfterSave")}</Typography.Text>
        ) : checks.data && checks.data.warningCount > 0 ? (
          <ul className="hd-portal-aside-list" aria-label={t("portal.editor.glossary")}>
            {checks.data.units.flatMap((u) =>
              u.warnings.map((w) => (
                <li key={`${u.unitId}-${w.termId}-${w.kind}`}>
                  {w.kind === "missing"
                    ? t("portal.editor.termMissing", { source: w.source, expected: w.expected })
                    : t("portal.editor.termForbidden", { found: w.found ?? "", expected: w.expected })}
                </li>
              )),
            )}
          </ul>
        ) : (
          <Typography.Text type="success">{t("portal.editor.glossaryOk")}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t("portal.editor.memory")}>
        {aidUnits.length > 0 ? (
          <ul className="hd-portal-aside-list">
            {aidUnits.map((u) => {
              const field = t(`portal.editor.fields.${u.field}`);
              return (
                <li key={u.unitId} data-testid={`aid-${u.unitId}`}>
                  <div className="hd-muted" lang="vi">
                    {field}: {u.source}
                  </div>
                  {u.terms.length > 0 && (
                    <ul className="hd-portal-terms" aria-label={t("portal.editor.segmentTerms")}>
                      {u.terms.map((term) => (
                        <li key={term.termId}>
                          <Tag color="purple">{t("portal.editor.glossary")}</Tag>
                          <span lang="vi">{term.source}</span> → <strong lang={lang}>{term.target}</strong>
                          {term.variants.length > 0 && (
                            <span className="hd-muted">
                              {" "}
                              ({t("portal.editor.termVariants", { variants: term.variants.join(", ") })})
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  {u.matches.slice(0, 2).map((m) => (
                    <div key={m.id} lang={lang} className="hd-portal-match">
                      <Tag color={m.score >= 100 ? "green" : "blue"}>{Math.round(m.score)}%</Tag>
                      {m.targetText}{" "}
                      <Button
                        size="small"
                        type="link"
                        aria-label={t("portal.editor.insertMatch", { text: m.targetText, field })}
                        onClick={() => insertUnit(u.unitId, field, m.targetText)}
                      >
                        {t("portal.editor.insert")}
                      </Button>
                    </div>
                  ))}
                </li>
              );
            })}
          </ul>
        ) : (
          <Typography.Text type="secondary">{t("portal.editor.aidsNone")}</Typography.Text>
        )}
      </Card>
    </Space>
  );

  return (
    <>
      <PageHeader
        title={t("portal.editor.title", { title: source.title })}
        description={<Link to="/portal">{t("portal.editor.back")}</Link>}
        actions={
          <Select<PortalLanguage>
            value={lang}
            aria-label={t("portal.language")}
            className="hd-filter-select"
            options={languages.map((l) => ({ value: l, label: t(`portal.languages.${l}`) }))}
            onChange={(v) => setParams({ lang: v })}
          />
        }
      />
      {actionError && (
        <Alert
          type="error"
          showIcon
          closable
          className="hd-mb"
          title={actionError}
          onClose={() => setActionError(null)}
        />
      )}
      <ItemResponseCase itemId={id} />
      <Space wrap className="hd-mb">
        <Button type="primary" loading={busy} disabled={!isDirty || !canSave} onClick={save}>
          {t("portal.editor.save")}
        </Button>
        {steps.map((s) => (
          <Button key={s.to} disabled={busy || (isDirty && !canSave)} onClick={() => move(s.to)}>
            {t(`portal.editor.to.${target?.state}.${s.to}`)}
          </Button>
        ))}
      </Space>
      <PortalItemSettings
        item={item}
        lang={lang}
        canEdit={hasRole("admin", "secretariat", "editor")}
        canSchedule={hasRole(...STEP_ROLES["portal.publish"])}
        onSaved={setItem}
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: "edit",
            label: t("portal.editor.tabEdit"),
            children: isSource ? (
              targetColumn
            ) : (
              <div className="hd-portal-columns">
                {sourceColumn}
                <div>
                  {targetColumn}
                  <div className="hd-mt">{aids}</div>
                </div>
              </div>
            ),
          },
          {
            key: "preview",
            label: t("portal.editor.tabPreview"),
            disabled: !target,
            children: target && (
              <>
                <p>
                  <a href={portalApi.previewUrl(id, lang)} target="_blank" rel="noreferrer">
                    {t("portal.editor.previewNewTab")}
                  </a>
                  {isDirty && <span className="hd-muted"> · {t("portal.editor.previewSaved")}</span>}
                </p>
                <iframe
                  key={`${lang}-${target.revision}`}
                  title={t("portal.editor.previewTitle", { lang: t(`portal.languages.${lang}`) })}
                  className="hd-portal-preview"
                  sandbox=""
                  src={portalApi.previewUrl(id, lang)}
                />
              </>
            ),
          },
        ]}
      />
    </>
  );
}

function draftBody(draft: TextForm): LocalizationBody {
  return {
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    body: draft.body,
    seoTitle: draft.seoTitle.trim() || null,
    seoDescription: draft.seoDescription.trim() || null,
    ...(draft.slug.trim() && { slug: draft.slug.trim() }),
  };
}
