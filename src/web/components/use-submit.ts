import { useCallback, useState } from "react";
import { isApiError } from "../api/client";
import { applyFieldErrors, type FieldErrorTarget } from "./server-errors";

/**
 * Runs a form's save: `saving` while it runs; the server's field errors go on their fields (when a form
 * is given), anything else becomes `error` — or goes to `onError` (e.g. a toast) when one is given.
 *
 * @example const { saving, error, run } = useSubmit(form);
 *          const submit = (values: Values) => run(async () => { await api.save(values); onSaved(); });
 */
export function useSubmit(form?: FieldErrorTarget, onError?: (message: string) => void) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      setSaving(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (err) {
        if (!(form && applyFieldErrors(form, err))) {
          const text = isApiError(err) ? err.message : String(err);
          if (onError) onError(text);
          else setError(text);
        }
        return false;
      } finally {
        setSaving(false);
      }
    },
    [form, onError],
  );
  return { saving, error, setError, run };
}
