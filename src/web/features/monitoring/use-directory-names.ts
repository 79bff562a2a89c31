import { useEffect, useState } from "react";
import { api } from "../../api/client";
import type { Person, Unit } from "../../api/types";

type Kind = "person" | "unit";

/**
 * Names of the people and units that cases point at (the case API gives ids only): fetched once per id
 * and kept for the page's lifetime.
 */
export function useDirectoryNames(refs: { kind: Kind; id: string }[]) {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(refs.map((r) => `${r.kind}:${r.id}`))].sort().join("|");

  // `names` is read only to skip ids already known; re-running whenever it fills in would refetch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    for (const ref of key.split("|")) {
      if (names[ref]) continue;
      const [kind, id] = ref.split(":") as [Kind, string];
      const load =
        kind === "person"
          ? api.get<Person>(`/api/people/${id}`, undefined, controller.signal).then((p) => p.fullName)
          : api
              .get<Unit>(`/api/units/${id}`, undefined, controller.signal)
              .then((u) => (u.shortName ? `${u.name} (${u.shortName})` : u.name));
      load.then((name) => setNames((prev) => ({ ...prev, [ref]: name }))).catch(() => undefined);
    }
    return () => controller.abort();
  }, [key]);

  return (kind: Kind, id: string | null) => (id ? (names[`${kind}:${id}`] ?? "…") : null);
}
