import { useCallback, useEffect, useMemo, useState } from "react";
import { useApiData } from "../../components/use-api-data";
import {
  type Decision,
  type Decisions,
  type ImportDraft,
  importsApi,
  isDoubtful,
  type ReconciliationEntry,
  type VersionChoices,
} from "./imports-api";
import { type ParsedDocument, type ParsedProgramme, type ParsedTask, replaceTask } from "./parsed-programme";
import type { LineRange } from "./SourceText";

/*
 * The server answers with the decision in force for every name, defaults included, so "keep as text" on a
 * near match may be the server's default rather than the reviewer's choice. Which doubtful names the
 * reviewer has answered is remembered in the browser, so that none is committed without a human choice.
 */
const confirmedKey = (draftId: string) => `haidang.import.${draftId}.decided`;

function readConfirmed(draftId: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(confirmedKey(draftId)) ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

function writeConfirmed(draftId: string, keys: string[]): void {
  try {
    localStorage.setItem(confirmedKey(draftId), JSON.stringify([...new Set(keys)]));
  } catch {
    // Storage disabled: the choices still hold until the page is left.
  }
}

/** Decisions in force, minus the server's default "keep as text" on doubtful names nobody answered. */
function explicitDecisions(entries: ReconciliationEntry[], confirmed: string[]): Decisions {
  const out: Decisions = {};
  for (const entry of entries) {
    if (!entry.decision) continue;
    const isDefault =
      isDoubtful(entry) && entry.decision.action === "keep_text" && !confirmed.includes(entry.key);
    if (!isDefault) out[entry.key] = entry.decision;
  }
  return out;
}

/**
 * Scrolls the window (only) so that the element sits below the sticky header — and below the source panel,
 * which sticks above the tasks when the screen is too narrow to show them side by side.
 */
export function scrollToElement(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const source = document.querySelector<HTMLElement>(".hd-review-source");
  const isStacked = window.matchMedia("(max-width: 1199px)").matches;
  const offset = 88 + (isStacked && source ? source.offsetHeight + 8 : 0);
  const top = element.getBoundingClientRect().top + window.scrollY - offset;
  window.scrollTo({ top: Math.max(top, 0), behavior: "smooth" });
}

/** The review screen's state: the draft being corrected, the reviewer's decisions and the highlighted lines. */
export function useImportReview(id: string) {
  const load = useCallback((signal: AbortSignal) => importsApi.get(id, signal), [id]);
  const remote = useApiData(load);
  const [parsed, setParsed] = useState<ParsedProgramme | null>(null);
  const [decisions, setDecisions] = useState<Decisions>({});
  const [isDirty, setDirty] = useState(false);
  // For a new version: the reviewer's task matches (new ref → previous task id or null) and date.
  const [version, setVersion] = useState<VersionChoices>({});
  const [selected, setSelected] = useState<number | null>(null);
  const [highlight, setHighlight] = useState<LineRange | null>(null);

  const accept = useCallback(
    (draft: ImportDraft) => {
      setParsed(draft.parsed);
      setDecisions(explicitDecisions(draft.reconciliation, readConfirmed(id)));
      const chosen = (draft.version?.matches ?? []).filter((m) => m.reason === "reviewer");
      setVersion({ matches: Object.fromEntries(chosen.map((m) => [m.ref, m.previousId])) });
      setDirty(false);
    },
    [id],
  );

  useEffect(() => {
    if (remote.data) accept(remote.data);
  }, [remote.data, accept]);

  const reconciliation = useMemo(
    () => new Map<string, ReconciliationEntry>((remote.data?.reconciliation ?? []).map((e) => [e.key, e])),
    [remote.data],
  );

  const showLines = useCallback((start: number, end = start) => {
    setHighlight({ start, end, nonce: Date.now() });
  }, []);

  const selectTask = useCallback(
    (index: number) => {
      setSelected((current) => (current === index ? current : index));
      const task = parsed?.tasks[index];
      const start = task?.source?.lineStart;
      if (start) showLines(start, task?.source?.lineEnd ?? start);
    },
    [parsed, showLines],
  );

  const selectTaskByRef = useCallback(
    (ref: string) => {
      const index = parsed?.tasks.findIndex((t) => t.ref === ref) ?? -1;
      if (index < 0) return;
      selectTask(index);
      requestAnimationFrame(() => scrollToElement(`review-task-${ref}`));
    },
    [parsed, selectTask],
  );

  /** Highlights the first source line containing `value` (for header fields, which carry no line numbers). */
  const locate = useCallback(
    (value: string) => {
      const needle = value.trim().toLowerCase();
      if (needle.length < 3 || !remote.data) return;
      const index = remote.data.extractedText.findIndex((line) => line.toLowerCase().includes(needle));
      if (index >= 0) showLines(index + 1);
    },
    [remote.data, showLines],
  );

  const updateTask = useCallback((index: number, task: ParsedTask) => {
    setParsed((p) => (p ? replaceTask(p, index, task) : p));
    setDirty(true);
  }, []);

  const updateDocument = useCallback((document: ParsedDocument) => {
    setParsed((p) => (p ? { ...p, document } : p));
    setDirty(true);
  }, []);

  const decide = useCallback(
    (key: string, decision: Decision) => {
      setDecisions((d) => ({ ...d, [key]: decision }));
      writeConfirmed(id, [...readConfirmed(id), key]);
      setDirty(true);
    },
    [id],
  );

  /** The reviewer links a task of the new version to a previous task (or none: a new task). */
  const matchTask = useCallback((ref: string, previousId: string | null) => {
    setVersion((v) => ({ ...v, matches: { ...v.matches, [ref]: previousId } }));
    setDirty(true);
  }, []);

  const setEffectiveFrom = useCallback((date: string | null) => {
    setVersion((v) => ({ ...v, effectiveFrom: date }));
    setDirty(true);
  }, []);

  const save = useCallback(async () => {
    if (!parsed) return null;
    const draft = await importsApi.save(id, {
      parsed,
      decisions,
      ...(remote.data?.version && { version }),
    });
    remote.setData(draft);
    return draft;
  }, [id, parsed, decisions, version, remote]);

  return {
    draft: remote.data,
    error: remote.error,
    loading: remote.loading,
    parsed,
    decisions,
    reconciliation,
    isDirty,
    selected,
    highlight,
    showLines,
    selectTask,
    selectTaskByRef,
    locate,
    updateTask,
    updateDocument,
    decide,
    version,
    matchTask,
    setEffectiveFrom,
    save,
  };
}
