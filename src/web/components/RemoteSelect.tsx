import { Select, type SelectProps } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type Query } from "../api/client";
import type { Page } from "../api/types";

export interface Option {
  value: string;
  label: string;
}

interface RemoteSelectProps<T> extends Omit<SelectProps<string>, "options" | "onSearch" | "filterOption"> {
  /** List endpoint searched with `q`. */
  path: string;
  toOption(item: T): Option;
  /** Extra query (e.g. `{ isActive: true }`). */
  query?: Query;
  /** The current value's label, so an edit form shows a name before any search. */
  initialOption?: Option | null;
  /** Ids never offered (e.g. the record being edited). */
  excludeIds?: string[];
}

/** A searchable select over a list endpoint (`?q=`), debounced. */
export function RemoteSelect<T>({
  path,
  toOption,
  query,
  initialOption,
  excludeIds,
  ...rest
}: RemoteSelectProps<T>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const queryKey = JSON.stringify(query ?? {});

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      const extra = JSON.parse(queryKey) as Query;
      api
        .get<Page<T>>(path, { ...extra, q: search, pageSize: 30 }, controller.signal)
        .then((page) => setOptions(page.items.map(toOption)))
        .catch(() => undefined)
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [path, search, queryKey, toOption]);

  const merged = useMemo(() => {
    const excluded = new Set(excludeIds ?? []);
    const list = options.filter((option) => !excluded.has(option.value));
    if (initialOption && !list.some((o) => o.value === initialOption.value)) list.unshift(initialOption);
    return list;
  }, [options, initialOption, excludeIds]);

  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      loading={loading}
      options={merged}
      notFoundContent={loading ? t("common.loading") : t("common.noMatches")}
      {...rest}
    />
  );
}
