import { useCallback, useEffect, useState } from "react";
import { isApiError } from "../api/client";

/**
 * Loads one resource; `reload()` fetches again. `load` must be stable (wrap it in useCallback): a new `load`
 * (a filter changed) fetches again, `loading` is true from that very render, and an answer to an earlier
 * `load` that arrives late never replaces the newer one.
 */
export function useApiData<T>(load: ((signal: AbortSignal) => Promise<T>) | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(Boolean(load));
  const [version, setVersion] = useState(0);
  // The loader whose fetch last started: until the effect starts the new one, the data on screen is stale.
  const [startedFor, setStartedFor] = useState(() => load);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` forces a reload on purpose.
  useEffect(() => {
    setStartedFor(() => load);
    if (!load) {
      setData(null);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    load(controller.signal)
      .then((value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(isApiError(err) ? err.message : String(err));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [load, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading: loading || startedFor !== load, reload, setData };
}
