import type { TablePaginationConfig, TableProps } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError, type QueryValue } from "../api/client";
import type { Page } from "../api/types";

export type Filters = Record<string, QueryValue>;

interface State<F extends Filters> {
  page: number;
  pageSize: number;
  /** `field` or `-field`, as the API expects. */
  sort: string | undefined;
  filters: F;
}

/**
 * A list endpoint driving an antd Table: paging, sorting and filtering all happen on the server
 * (`page`, `pageSize`, `sort`, plus filters).
 */
export function useServerTable<T extends { id: string }, F extends Filters>(
  path: string,
  options: { filters: F; sort?: string; pageSize?: number },
) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State<F>>({
    page: 1,
    pageSize: options.pageSize ?? 20,
    sort: options.sort,
    filters: options.filters,
  });
  const [data, setData] = useState<Page<T> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` and the language re-run the query on purpose.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .get<Page<T>>(
        path,
        { ...state.filters, page: state.page, pageSize: state.pageSize, sort: state.sort },
        controller.signal,
      )
      .then((page) => {
        setData(page);
        setError(null);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(isApiError(err) ? err.message : String(err));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, state, version, i18n.language]);

  const setFilter = useCallback(<K extends keyof F>(key: K, value: F[K]) => {
    setState((s) => ({ ...s, page: 1, filters: { ...s.filters, [key]: value } }));
  }, []);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  const onChange = (
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<T> | SorterResult<T>[],
  ) => {
    const first = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = first?.order ? String(first.columnKey ?? first.field) : undefined;
    const sort = field ? (first?.order === "descend" ? `-${field}` : field) : undefined;
    setState((s) => ({
      ...s,
      page: sort === s.sort ? (pagination.current ?? 1) : 1,
      pageSize: pagination.pageSize ?? s.pageSize,
      sort,
    }));
  };

  /** Controlled `sortOrder` for a column keyed by the API field name. */
  const sortOrder = (field: string) =>
    state.sort === field ? ("ascend" as const) : state.sort === `-${field}` ? ("descend" as const) : null;

  const tableProps: TableProps<T> = {
    rowKey: "id",
    dataSource: data?.items ?? [],
    loading,
    onChange: onChange as TableProps<T>["onChange"],
    pagination: {
      current: state.page,
      pageSize: state.pageSize,
      total: data?.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100, 200],
      showTotal: (total, range) => t("table.range", { from: range[0], to: range[1], total }),
    },
  };

  return { data, error, loading, filters: state.filters, setFilter, reload, sortOrder, tableProps };
}
