/**
 * The translator's aids around the portal's texts: the glossary per language (kept by editors), the
 * glossary check of a translation unit by unit, translation-memory suggestions for each Vietnamese
 * unit, and XLIFF 2.0 export and import for CAT tools. Approved translations feed the memory.
 * Imports go through the portal service's own save, so revisions, outdated flags and the audit
 * journal are the same as for a text typed in the editor.
 */
import type { RequestContext } from "../../../platform/context.js";
import type { Db, DbOrTrx } from "../../../platform/db/database.js";
import { defineError } from "../../../platform/errors.js";
import { newId, nowIso } from "../../../platform/ids.js";
import { assertCan } from "../../../platform/policy/policy.js";
import type { RichTextDoc } from "../../../shared/api/portal.js";
import type { GlossaryTermBody } from "../../../shared/api/portal-translation.js";
import type { AuditService } from "../../audit/audit.service.js";
import { portalErrors } from "../portal.errors.js";
import type { PortalRepository } from "../portal.repository.js";
import type { PortalService } from "../portal.service.js";
import type { PortalLocalizationTable } from "../portal.tables.js";
import { assertLanguageAssigned } from "../portal-language-access.js";
import { checkGlossary, type GlossaryTerm, termsIn } from "./glossary.js";
import { applyUnits, type TranslatableText, type Unit, unitsOf, unitText } from "./segments.js";
import type { TranslationRepository } from "./translation.repository.js";
import type { PortalGlossaryTable } from "./translation.tables.js";
import { rankMatches, tmKey, tmWords } from "./translation-memory.js";
import { xliffErrors } from "./xliff.errors.js";
import { buildXliff, readXliff, translatedUnits } from "./xliff.js";

export const glossaryErrors = {
  notFound: defineError({
    code: "glossary_term_not_found",
    status: 404,
    vi: "Không tìm thấy thuật ngữ",
    en: "Glossary term not found",
  }),
  exists: defineError({
    code: "glossary_term_exists",
    status: 409,
    vi: "Thuật ngữ này đã có trong bảng thuật ngữ của ngôn ngữ đó",
    en: "This term is already in that language's glossary",
  }),
};

const termKey = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
const parseList = (json: string): string[] => {
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
};

export function presentTerm(row: PortalGlossaryTable) {
  return {
    id: row.id,
    lang: row.lang,
    source: row.source_term,
    target: row.target_term,
    variants: parseList(row.variants_json),
    forbidden: parseList(row.forbidden_json),
    note: row.note,
    updatedAt: row.updated_at,
  };
}

const asTerm = (row: PortalGlossaryTable): GlossaryTerm => {
  const t = presentTerm(row);
  return { id: t.id, source: t.source, target: t.target, variants: t.variants, forbidden: t.forbidden };
};

/** A localisation row's translatable text. */
function textOf(
  row: Pick<PortalLocalizationTable, "title" | "summary" | "body_json" | "seo_title" | "seo_description">,
): TranslatableText {
  return {
    title: row.title,
    summary: row.summary,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    body: JSON.parse(row.body_json) as RichTextDoc,
  };
}

/** Fuzzy matches are looked for among sentences of a similar length only. */
const LENGTH_SLACK = 0.4;
const CANDIDATES = 2_000;

/**
 * Stores the unit pairs of an approved translation in the memory: each unit of the translation with
 * the Vietnamese unit it was made from (the source as it stood at the translation's revision). The
 * portal service calls it inside the transaction that approves the text.
 */
export function createApprovedTranslationRecorder(deps: {
  repository: TranslationRepository;
  portal: PortalRepository;
}) {
  const { repository, portal } = deps;
  return {
    async rememberApproved(trx: DbOrTrx, itemId: string, lang: string, approvedBy: string | null) {
      const target = await portal.findLocalization(trx, itemId, lang);
      if (!target || lang === "vi") return;
      const source = await repository.sourceAt(trx, itemId, target.source_revision);
      if (!source) return;
      const sourceUnits = new Map(unitsOf(textOf(source)).map((u) => [u.id, u]));
      const now = nowIso();
      for (const unit of unitsOf(textOf(target))) {
        const from = sourceUnits.get(unit.id);
        if (!from) continue;
        const sourceText = unitText(from.inlines);
        const targetText = unitText(unit.inlines);
        if (!sourceText || !targetText) continue;
        await repository.remember(trx, {
          id: newId(),
          lang,
          source_key: tmKey(sourceText),
          source_text: sourceText,
          target_text: targetText,
          word_count: tmWords(sourceText).length,
          item_id: itemId,
          unit_id: unit.id,
          approved_by: approvedBy,
          created_at: now,
        });
      }
    },
  };
}

export function createTranslationService(deps: {
  db: Db;
  repository: TranslationRepository;
  portal: PortalRepository;
  portalService: Pick<PortalService, "save">;
  audit: AuditService;
}) {
  const { db, repository, portal, audit } = deps;

  async function itemAndSource(trx: DbOrTrx, itemId: string) {
    const item = await portal.findItem(trx, itemId);
    if (!item) throw portalErrors.itemNotFound();
    const source = await portal.findLocalization(trx, itemId, "vi");
    if (!source) throw portalErrors.sourceRequired();
    return { item, source };
  }

  async function suggestionsFor(lang: string, text: string) {
    const words = tmWords(text);
    if (words.length === 0) return [];
    const exact = await repository.exact(db, lang, tmKey(text));
    if (exact.length > 0)
      return exact.map((e) => ({
        id: e.id,
        sourceText: e.source_text,
        targetText: e.target_text,
        score: 100,
        removed: [],
        added: [],
      }));
    const min = Math.max(1, Math.floor(words.length * (1 - LENGTH_SLACK)));
    const max = Math.ceil(words.length / (1 - LENGTH_SLACK));
    const rows = await repository.candidates(db, lang, min, max, CANDIDATES);
    return rankMatches(
      text,
      rows.map((r) => ({ id: r.id, sourceText: r.source_text, targetText: r.target_text })),
    );
  }

  return {
    async glossary(ctx: RequestContext, lang: string | undefined, q: string | undefined) {
      assertCan(ctx.actor, "portal.read");
      return (await repository.glossary(db, lang, q)).map(presentTerm);
    },

    async createTerm(ctx: RequestContext, input: GlossaryTermBody) {
      const actor = assertCan(ctx.actor, "portal.edit");
      return db.transaction().execute(async (trx) => {
        const key = termKey(input.source);
        if (await repository.findTermByKey(trx, input.lang, key)) throw glossaryErrors.exists();
        const now = nowIso();
        const row: PortalGlossaryTable = {
          id: newId(),
          lang: input.lang,
          source_term: input.source.normalize("NFC"),
          source_key: key,
          target_term: input.target.normalize("NFC"),
          variants_json: JSON.stringify(input.variants ?? []),
          forbidden_json: JSON.stringify(input.forbidden ?? []),
          note: input.note ?? null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        };
        await repository.insertTerm(trx, row);
        await audit.record(trx, ctx, {
          entityType: "portal_glossary",
          entityId: row.id,
          action: "create",
          after: presentTerm(row),
        });
        return presentTerm(row);
      });
    },

    async updateTerm(ctx: RequestContext, id: string, input: Partial<GlossaryTermBody>) {
      assertCan(ctx.actor, "portal.edit");
      return db.transaction().execute(async (trx) => {
        const before = await repository.findTerm(trx, id);
        if (!before) throw glossaryErrors.notFound();
        const changes: Partial<PortalGlossaryTable> = { updated_at: nowIso() };
        if (input.lang !== undefined) changes.lang = input.lang;
        if (input.source !== undefined) {
          changes.source_term = input.source.normalize("NFC");
          changes.source_key = termKey(input.source);
        }
        if (input.target !== undefined) changes.target_term = input.target.normalize("NFC");
        if (input.variants !== undefined) changes.variants_json = JSON.stringify(input.variants);
        if (input.forbidden !== undefined) changes.forbidden_json = JSON.stringify(input.forbidden);
        if (input.note !== undefined) changes.note = input.note;
        const after = { ...before, ...changes };
        const clash = await repository.findTermByKey(trx, after.lang, after.source_key);
        if (clash && clash.id !== id) throw glossaryErrors.exists();
        await repository.updateTerm(trx, id, changes);
        await audit.record(trx, ctx, {
          entityType: "portal_glossary",
          entityId: id,
          action: "update",
          before: presentTerm(before),
          after: presentTerm(after),
        });
        return presentTerm(after);
      });
    },

    async deleteTerm(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "portal.edit");
      await db.transaction().execute(async (trx) => {
        const before = await repository.findTerm(trx, id);
        if (!before) throw glossaryErrors.notFound();
        await repository.deleteTerm(trx, id);
        await audit.record(trx, ctx, {
          entityType: "portal_glossary",
          entityId: id,
          action: "delete",
          before: presentTerm(before),
        });
      });
    },

    /** The translation into `lang` checked against the glossary, unit by unit. */
    async checks(ctx: RequestContext, itemId: string, lang: string) {
      assertCan(ctx.actor, "portal.read");
      const { item, source } = await itemAndSource(db, itemId);
      const target = await portal.findLocalization(db, itemId, lang);
      const terms = (await repository.glossary(db, lang, undefined)).map(asTerm);
      const targetUnits = new Map(target ? unitsOf(textOf(target)).map((u) => [u.id, u]) : []);
      const units = unitsOf(textOf(source)).map((u) => {
        const t = targetUnits.get(u.id);
        const sourceText = unitText(u.inlines);
        const targetText = t ? unitText(t.inlines) : null;
        return {
          unitId: u.id,
          field: u.field,
          source: sourceText,
          target: targetText,
          warnings: targetText ? checkGlossary(sourceText, targetText, lang, terms) : [],
        };
      });
      return {
        outdated: target !== undefined && target.source_revision < item.source_revision,
        sourceRevision: item.source_revision,
        translationSourceRevision: target?.source_revision ?? null,
        warningCount: units.reduce((n, u) => n + u.warnings.length, 0),
        units,
      };
    },

    /**
     * Earlier approved translations of each unit of the Vietnamese text, and the glossary terms the
     * unit uses with their approved renderings in `lang`.
     */
    async suggestions(ctx: RequestContext, itemId: string, lang: string) {
      assertCan(ctx.actor, "portal.read");
      const { source } = await itemAndSource(db, itemId);
      const units = unitsOf(textOf(source));
      const terms = (await repository.glossary(db, lang, undefined)).map(asTerm);
      return {
        units: await Promise.all(
          units.map(async (u) => {
            const text = unitText(u.inlines);
            return {
              unitId: u.id,
              field: u.field,
              source: text,
              matches: await suggestionsFor(lang, text),
              terms: termsIn(text, terms).map((term) => ({
                termId: term.id,
                source: term.source,
                target: term.target,
                variants: [...term.variants],
              })),
            };
          }),
        ),
      };
    },

    /** An XLIFF 2.0 file of the items' Vietnamese texts for translation into `lang`. */
    async exportXliff(ctx: RequestContext, lang: string, itemIds: readonly string[]) {
      assertLanguageAssigned(assertCan(ctx.actor, "portal.translate"), lang);
      const items = [];
      for (const id of itemIds) {
        const { item, source } = await itemAndSource(db, id);
        const units = unitsOf(textOf(source));
        const existing = await portal.findLocalization(db, id, lang);
        // An up-to-date translation goes in as the targets, so a reviser starts from it.
        const targets =
          existing && existing.source_revision === item.source_revision
            ? new Map(unitsOf(textOf(existing)).map((u): [string, Unit] => [u.id, u]))
            : undefined;
        items.push({
          itemId: id,
          sourceRevision: item.source_revision,
          title: source.title,
          units,
          ...(targets && { targets }),
        });
      }
      return buildXliff(lang, items);
    },

    /**
     * Reads translations back from an XLIFF file: every file of the document is checked first (item,
     * revision, units, placeholders) and only then saved, one item after another. `onlyItemId` limits
     * the import to one item (the item page's upload).
     */
    async importXliff(ctx: RequestContext, lang: string, xml: string, onlyItemId?: string) {
      assertLanguageAssigned(assertCan(ctx.actor, "portal.translate"), lang);
      const doc = readXliff(xml);
      if (doc.trgLang !== lang)
        throw xliffErrors.wrongLanguage({
          vi: `Tệp XLIFF dịch sang "${doc.trgLang ?? "?"}", không phải "${lang}"`,
          en: `The XLIFF file translates into "${doc.trgLang ?? "?"}", not "${lang}"`,
        });
      if (doc.srcLang !== "vi")
        throw xliffErrors.wrongLanguage({
          vi: `Tệp XLIFF có ngôn ngữ gốc "${doc.srcLang}"; bản gốc của Cổng là tiếng Việt`,
          en: `The XLIFF file's source language is "${doc.srcLang}"; the portal's source is Vietnamese`,
        });
      if (doc.files.length === 0) throw xliffErrors.invalid();
      const ready: { itemId: string; text: TranslatableText; units: number; slug: string | undefined }[] = [];
      for (const file of doc.files) {
        const itemId = file.itemId ?? "";
        if (onlyItemId !== undefined && itemId !== onlyItemId)
          throw xliffErrors.wrongItem({ meta: { expected: onlyItemId, found: itemId } });
        const item = await portal.findItem(db, itemId);
        if (!item) throw xliffErrors.wrongItem({ meta: { found: itemId } });
        const { source } = await itemAndSource(db, itemId);
        const units = unitsOf(textOf(source));
        const translated = translatedUnits(file, { itemId, sourceRevision: item.source_revision, units });
        const existing = await portal.findLocalization(db, itemId, lang);
        ready.push({
          itemId,
          text: applyUnits(textOf(source), translated),
          units: translated.size,
          slug: existing?.slug,
        });
      }
      const out = [];
      for (const r of ready) {
        await deps.portalService.save(ctx, r.itemId, lang, {
          title: r.text.title,
          summary: r.text.summary,
          body: r.text.body,
          seoTitle: r.text.seoTitle,
          seoDescription: r.text.seoDescription,
          ...(r.slug !== undefined && { slug: r.slug }),
        });
        out.push({ itemId: r.itemId, lang, units: r.units, title: r.text.title });
      }
      return { items: out };
    },
  };
}

export type TranslationService = ReturnType<typeof createTranslationService>;
