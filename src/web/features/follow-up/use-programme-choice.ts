import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { useApiData } from "../../components/use-api-data";
import type { Programme } from "../programmes/programmes-api";

const loadProgrammes = (signal: AbortSignal) =>
  api.get<Page<Programme>>("/api/programmes", { status: "active", pageSize: 100 }, signal);

/**
 * The programme a follow-up screen shows: `?programme=` in the URL, else the newest current programme.
 * Changing it keeps the other query parameters except the ones listed in `resetKeys`.
 */
export function useProgrammeChoice(resetKeys: string[] = []) {
  const [params, setParams] = useSearchParams();
  const programmes = useApiData(useCallback(loadProgrammes, []));
  const list = useMemo(
    () =>
      [...(programmes.data?.items ?? [])].sort((a, b) =>
        (b.period?.end ?? b.date ?? "").localeCompare(a.period?.end ?? a.date ?? ""),
      ),
    [programmes.data],
  );
  const requested = params.get("programme");
  const programme = list.find((p) => p.id === requested) ?? list[0] ?? null;

  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    next.set("programme", id);
    for (const key of resetKeys) next.delete(key);
    setParams(next);
  };

  return {
    programmes: list,
    programme,
    loading: programmes.loading,
    error: programmes.error,
    choose,
    params,
    setParams,
  };
}
