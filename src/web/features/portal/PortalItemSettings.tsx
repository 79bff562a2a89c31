/**
 * Beside the editor: the item's category and tags (the same for every language), and the scheduled
 * publication and withdrawal of the language being edited. Times are shown and typed in Viet Nam's
 * time (Asia/Ho_Chi_Minh, UTC+7) whatever the browser's zone; withdrawal must come after publication
 * (checked here and again by the server, which audits both changes).
 */
import { Alert, App, Button, Card, Input, Select, Space, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalItem, PortalLanguage } from "../../../shared/api/portal";
import { isApiError } from "../../api/client";
import { useApiData } from "../../components/use-api-data";
import { PortalField } from "./PortalField";
import { portalApi } from "./portal-api";
import { formatHcm, fromHcmInput, toHcmInput } from "./portal-workflow";

interface Props {
  item: PortalItem;
  lang: PortalLanguage;
  canEdit: boolean;
  canSchedule: boolean;
  onSaved: (item: PortalItem) => void;
}

export function PortalItemSettings({ item, lang, canEdit, canSchedule, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const categories = useApiData(useCallback((signal: AbortSignal) => portalApi.categories(signal), []));
  const loc = item.localizations.find((l) => l.lang === lang);

  const [categoryId, setCategoryId] = useState<string | null>(item.categoryId);
  const [tags, setTags] = useState<string[]>(item.tags);
  const [publishAt, setPublishAt] = useState(toHcmInput(loc?.publishAt));
  const [unpublishAt, setUnpublishAt] = useState(toHcmInput(loc?.unpublishAt));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setCategoryId(item.categoryId);
    setTags(item.tags);
  }, [item.categoryId, item.tags]);
  useEffect(() => {
    setPublishAt(toHcmInput(loc?.publishAt));
    setUnpublishAt(toHcmInput(loc?.unpublishAt));
  }, [loc?.publishAt, loc?.unpublishAt]);

  const metaChanged =
    categoryId !== item.categoryId ||
    tags.length !== item.tags.length ||
    tags.some((x, i) => x !== item.tags[i]);
  const publishIso = fromHcmInput(publishAt);
  const unpublishIso = fromHcmInput(unpublishAt);
  const scheduleError =
    publishIso && unpublishIso && unpublishIso <= publishIso
      ? t("portal.settings.unpublishBeforePublish")
      : null;
  const scheduleChanged =
    publishIso !== (loc?.publishAt ? new Date(loc.publishAt).toISOString() : null) ||
    unpublishIso !== (loc?.unpublishAt ? new Date(loc.unpublishAt).toISOString() : null);

  async function run(action: () => Promise<PortalItem>, done: string) {
    setBusy(true);
    setError(null);
    try {
      onSaved(await action());
      message.success(done);
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const categoryName = (names: Record<string, string>) =>
    names[i18n.language] ?? names.vi ?? Object.values(names)[0] ?? "";

  return (
    <Card size="small" title={t("portal.settings.title")} className="hd-mb">
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          className="hd-mb"
          title={error}
          onClose={() => setError(null)}
        />
      )}
      <div className="hd-portal-settings">
        <PortalField label={t("portal.settings.category")} htmlFor="portal-category">
          <Select<string>
            id="portal-category"
            allowClear
            disabled={!canEdit}
            className="hd-portal-settings-select"
            placeholder={t("portal.settings.noCategory")}
            value={categoryId ?? undefined}
            loading={categories.loading}
            options={(categories.data?.items ?? []).map((c) => ({
              value: c.id,
              label: categoryName(c.names),
            }))}
            onChange={(v) => setCategoryId(v ?? null)}
          />
        </PortalField>
        <PortalField label={t("portal.settings.tags")} htmlFor="portal-tags">
          <Select<string[]>
            id="portal-tags"
            mode="tags"
            disabled={!canEdit}
            className="hd-portal-settings-select"
            placeholder={t("portal.settings.tagsHint")}
            value={tags}
            tokenSeparators={[","]}
            onChange={(v) => setTags([...new Set(v.map((x) => x.trim()).filter(Boolean))].slice(0, 30))}
          />
        </PortalField>
        {canEdit && (
          <Button
            disabled={busy || !metaChanged}
            onClick={() =>
              run(() => portalApi.update(item.id, { categoryId, tags }), t("portal.settings.metaSaved"))
            }
          >
            {t("portal.settings.saveMeta")}
          </Button>
        )}
      </div>
      {loc && (
        <div className="hd-portal-settings hd-mt">
          <Typography.Text strong>
            {t("portal.settings.schedule", { lang: t(`portal.languages.${lang}`) })}
          </Typography.Text>
          <Typography.Paragraph type="secondary" className="hd-portal-settings-hint">
            {t("portal.settings.timeZone")}
            {loc.publishAt && ` · ${t("portal.settings.publishesAt", { time: formatHcm(loc.publishAt) })}`}
            {loc.unpublishAt &&
              ` · ${t("portal.settings.unpublishesAt", { time: formatHcm(loc.unpublishAt) })}`}
          </Typography.Paragraph>
          <Space wrap align="end">
            <PortalField label={t("portal.settings.publishAt")} htmlFor="portal-publish-at">
              <Input
                id="portal-publish-at"
                type="datetime-local"
                disabled={!canSchedule}
                value={publishAt}
                onChange={(e) => setPublishAt(e.target.value)}
              />
            </PortalField>
            <PortalField label={t("portal.settings.unpublishAt")} htmlFor="portal-unpublish-at">
              <Input
                id="portal-unpublish-at"
                type="datetime-local"
                disabled={!canSchedule}
                value={unpublishAt}
                status={scheduleError ? "error" : undefined}
                aria-invalid={scheduleError ? true : undefined}
                aria-describedby={scheduleError ? "portal-schedule-error" : undefined}
                onChange={(e) => setUnpublishAt(e.target.value)}
              />
            </PortalField>
            {canSchedule && (
              <Button
                disabled={busy || !scheduleChanged || scheduleError !== null}
                onClick={() =>
                  run(
                    () =>
                      portalApi.schedule(item.id, lang, { publishAt: publishIso, unpublishAt: unpublishIso }),
                    t("portal.settings.scheduleSaved"),
                  )
                }
              >
                {t("portal.settings.saveSchedule")}
              </Button>
            )}
          </Space>
          {scheduleError && (
            <div id="portal-schedule-error" role="alert" className="hd-portal-settings-error">
              {scheduleError}
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
