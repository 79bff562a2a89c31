import { Empty, Tag, Typography } from "antd";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../components/format";
import { useApiData } from "../../components/use-api-data";
import { type ItemDetail, monitoringApi } from "./monitoring-api";
import { FlagTag, ToneTag, useDisplayNames, useTopics } from "./monitoring-labels";

const loadAliases = (signal: AbortSignal) => monitoringApi.aliases(signal);

function Terms({ label, terms }: { label: string; terms: string[] }) {
  if (terms.length === 0) return null;
  return (
    <p className="hd-mon-why">
      {label}:{" "}
      {[...new Set(terms)].map((term) => (
        <Tag key={term} className="hd-mt-xs">
          {term}
        </Tag>
      ))}
    </p>
  );
}

/**
 * The language identifier's reason in the reader's language. The server states it in English
 * ("script: 53 Vietnamese-specific letters", "model fastText lid.176: en"); unknown forms show as sent.
 */
const LANGUAGE_REASONS: [RegExp, string][] = [
  [/^script: (\d+) Vietnamese-specific letters$/, "vietnameseLetters"],
  [/^script: (\d+) Hangul letters$/, "hangul"],
  [/^script: (\d+) kana among (\d+) CJK letters$/, "kana"],
  [/^script: (\d+) Han letters, no kana$/, "han"],
  [/^script: Cyrillic, default Russian$/, "cyrillic"],
  [/^model \(Cyrillic script\): (\S+)$/, "cyrillicModel"],
  [/^unaccented Vietnamese: (\d+)% common syllables$/, "unaccented"],
  [/^model fastText lid\.176: (\S+)$/, "model"],
  [/^no letters$/, "noLetters"],
];

function useLanguageReason() {
  const { t } = useTranslation();
  return (reason: string) => {
    for (const [pattern, key] of LANGUAGE_REASONS) {
      const m = pattern.exec(reason);
      if (m) return t(`monitoring.labels.languageReasons.${key}`, { a: m[1], b: m[2] });
    }
    return reason;
  };
}

/** A mention rule's reason ("always", "prefix: thành phố", "context: 越南"…) in words. */
function useReasonText() {
  const { t } = useTranslation();
  return (reason: string) => {
    if (reason === "always") return t("monitoring.labels.reasons.always");
    if (reason === "city mentioned") return t("monitoring.labels.reasons.cityMentioned");
    const match = /^(prefix|suffix|context): (.+)$/.exec(reason);
    return match ? t(`monitoring.labels.reasons.${match[1]}`, { term: match[2] }) : reason;
  };
}

/** A flag reason: "term: cướp đất" shows the matched term only. */
const flagReason = (reason: string) => reason.replace(/^term: /, "");

/** Each automatic label with the evidence behind it ("why"), and the corrections made by people. */
export function ItemLabels({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const names = useDisplayNames();
  const topics = useTopics();
  const aliases = useApiData(useCallback(loadAliases, []));
  const aliasName = useMemo(() => {
    const map = new Map((aliases.data?.data ?? []).map((a) => [a.id, a.name]));
    return (id: string) => map.get(id) ?? id;
  }, [aliases.data]);
  const { labels } = item;
  const reasonText = useReasonText();
  const languageReason = useLanguageReason();

  // One line per alias: what it matched in the text, and why it counted.
  const mentions = useMemo(() => {
    const byAlias = new Map<string, { texts: Set<string>; reasons: Set<string>; count: number }>();
    for (const m of labels.why.mentions) {
      const entry = byAlias.get(m.alias) ?? { texts: new Set(), reasons: new Set(), count: 0 };
      entry.texts.add(m.text);
      entry.reasons.add(m.reason);
      entry.count += 1;
      byAlias.set(m.alias, entry);
    }
    return [...byAlias];
  }, [labels.why.mentions]);

  return (
    <div data-testid="item-labels">
      <section className="hd-mon-label-block" aria-labelledby="label-language">
        <h3 id="label-language" className="hd-mon-label-name">
          {t("monitoring.labels.language")}
        </h3>
        <Tag color="blue">{names.language(labels.language)}</Tag>
        <span className="hd-muted">
          {t("monitoring.labels.confidence", { value: Math.round(labels.languageConfidence * 100) })}
        </span>
        <p className="hd-mon-why">
          {t("monitoring.labels.why")}: {languageReason(labels.why.language)}
        </p>
      </section>

      <section className="hd-mon-label-block" aria-labelledby="label-mentions" data-testid="label-mentions">
        <h3 id="label-mentions" className="hd-mon-label-name">
          {t("monitoring.labels.mentions")}
        </h3>
        <Tag color={labels.mentionsCity ? "geekblue" : "default"}>
          {labels.mentionsCity ? t("monitoring.labels.mentionsYes") : t("monitoring.labels.mentionsNo")}
        </Tag>
        {mentions.length > 0 && (
          <ul className="hd-mon-terms">
            {mentions.map(([alias, entry]) => (
              <li key={alias}>
                <strong>{aliasName(alias)}</strong> —{" "}
                {t("monitoring.labels.matched", {
                  text: [...entry.texts].map((text) => `“${text}”`).join(", "),
                  count: entry.count,
                })}{" "}
                <span className="hd-muted">({[...entry.reasons].map(reasonText).join("; ")})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="hd-mon-label-block" aria-labelledby="label-topics" data-testid="label-topics">
        <h3 id="label-topics" className="hd-mon-label-name">
          {t("monitoring.labels.topics")}
        </h3>
        {labels.topics.length === 0 && <span className="hd-muted">{t("monitoring.labels.noTopics")}</span>}
        {labels.topics.map((topic) => (
          <div key={topic.topic} className="hd-mb-s">
            <Tag color="cyan">{topics.name(topic.topic)}</Tag>
            <span className="hd-muted">{t("monitoring.labels.score", { score: topic.score })}</span>
            <Terms label={t("monitoring.labels.matchedTerms")} terms={topic.terms} />
          </div>
        ))}
      </section>

      <section className="hd-mon-label-block" aria-labelledby="label-tone" data-testid="label-tone">
        <h3 id="label-tone" className="hd-mon-label-name">
          {t("monitoring.labels.tone")}
        </h3>
        <ToneTag tone={labels.tone} />
        <span className="hd-muted">{t("monitoring.labels.score", { score: labels.why.tone.score })}</span>
        <Terms label={t("monitoring.labels.positiveTerms")} terms={labels.why.tone.positive} />
        <Terms label={t("monitoring.labels.negativeTerms")} terms={labels.why.tone.negative} />
        <Terms label={t("monitoring.labels.negatedTerms")} terms={labels.why.tone.negated} />
      </section>

      <section className="hd-mon-label-block" aria-labelledby="label-flags" data-testid="label-flags">
        <h3 id="label-flags" className="hd-mon-label-name">
          {t("monitoring.labels.flags")}
        </h3>
        {labels.flags.length === 0 && <span className="hd-muted">{t("monitoring.labels.noFlags")}</span>}
        {labels.flags.map((flag) => {
          const reasons = (labels.why.flags.find((f) => f.flag === flag)?.reasons ?? []).map(flagReason);
          return (
            <div key={flag} className="hd-mb-s">
              <FlagTag flag={flag} />
              <Terms label={t("monitoring.labels.why")} terms={reasons} />
            </div>
          );
        })}
      </section>

      {item.corrections.length > 0 && (
        <section className="hd-mon-label-block" aria-labelledby="label-corrections">
          <h3 id="label-corrections" className="hd-mon-label-name">
            {t("monitoring.labels.corrections")}
          </h3>
          <ul className="hd-mon-terms">
            {item.corrections.map((c) => (
              <li key={`${c.field}-${c.correctedAt}`}>
                <Typography.Text strong>{t(`monitoring.labels.fields.${c.field}`, c.field)}</Typography.Text>:{" "}
                {JSON.stringify(c.before)} → {JSON.stringify(c.after)}{" "}
                <span className="hd-muted">{formatDateTime(c.correctedAt)}</span>
                {c.note && <div className="hd-muted">{c.note}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {!labels && <Empty />}
    </div>
  );
}
