import { FileExcelOutlined, FileTextOutlined, FileWordOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Input, Select } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { foldVietnamese } from "../../../shared/text/fold";
import { download, isApiError } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import {
  followUpApi,
  isOverdueBucket,
  isTaskStatus,
  OVERDUE_BUCKETS,
  type StatusRow,
  TASK_STATUSES,
} from "./follow-up-api";
import { ProgrammeToolbar } from "./ProgrammeToolbar";
import { REPORT_MANAGERS } from "./roles";
import { StatusTable } from "./StatusTable";
import { bucketKey, statusKey } from "./status-labels";
import { useProgrammeChoice } from "./use-programme-choice";

const FILTER_KEYS = ["status", "directing", "lead", "bucket", "q"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

function matches(row: StatusRow, f: Partial<Record<FilterKey, string>>) {
  if (f.status === "completed" && row.status !== "completed_on_time" && row.status !== "completed_late")
    return false;
  if (isTaskStatus(f.status ?? null) && row.status !== f.status) return false;
  if (f.directing && !row.directing.includes(f.directing)) return false;
  if (f.lead && !row.leads.includes(f.lead)) return false;
  if (f.bucket && row.overdueBucket !== f.bucket) return false;
  if (f.q) {
    const q = foldVietnamese(f.q);
    if (!foldVietnamese(`${row.ref} ${row.text}`).includes(q)) return false;
  }
  return true;
}

/**
 * "Theo dõi - đôn đốc": every task's status as of a date, filtered by status, directing official, lead and
 * overdue age (the dashboard's drill-down lands here); overdue tasks can be selected for an urging notice.
 */
export default function FollowUpPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const choice = useProgrammeChoice([...FILTER_KEYS, "asOf"]);
  const { programme, params, setParams } = choice;
  const asOf = params.get("asOf") ?? undefined;
  const programmeId = programme?.id;
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(
    (signal: AbortSignal) => followUpApi.statuses(programmeId ?? "", asOf, signal),
    [programmeId, asOf],
  );
  const statuses = useApiData(programmeId ? load : null);
  const rows = statuses.data?.items ?? [];
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Partial<
    Record<FilterKey, string>
  >;
  const shown = rows.filter((r) => matches(r, filters));
  const canUrge = hasRole(...REPORT_MANAGERS);

  const options = useMemo(() => {
    const collect = (pick: (r: StatusRow) => string[]) =>
      [...new Set(rows.flatMap(pick))]
        .sort((a, b) => a.localeCompare(b, "vi"))
        .map((v) => ({ value: v, label: v }));
    return { directing: collect((r) => r.directing), lead: collect((r) => r.leads) };
  }, [rows]);

  const setFilter = (key: FilterKey | "asOf", value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const run = async (key: string, task: () => Promise<void>) => {
    setBusy(key);
    try {
      await task();
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const exportAs = (format: "csv" | "xlsx") =>
    run(format, () =>
      download(
        `/api/programmes/${programmeId}/statuses`,
        { format, asOf: statuses.data?.asOf },
        `trang-thai.${format}`,
      ),
    );

  const urge = () =>
    run("urge", async () => {
      await followUpApi.urgingNotice(programmeId ?? "", selected);
      message.success(t("followUp.urging.done", { count: selected.length }));
    });

  return (
    <>
      <PageHeader
        title={t("nav.followUp")}
        description={t("followUp.listIntro")}
        actions={
          <>
            <Button
              icon={<FileTextOutlined />}
              loading={busy === "csv"}
              onClick={() => exportAs("csv")}
              disabled={!programmeId}
            >
              {t("followUp.exportCsv")}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              loading={busy === "xlsx"}
              onClick={() => exportAs("xlsx")}
              disabled={!programmeId}
            >
              {t("followUp.exportXlsx")}
            </Button>
          </>
        }
      />
      <ProgrammeToolbar
        programmes={choice.programmes}
        programme={programme}
        onProgramme={choice.choose}
        asOf={asOf ?? statuses.data?.asOf ?? null}
        onAsOf={(value) => setFilter("asOf", value)}
      >
        <Select<string>
          allowClear
          placeholder={t("followUp.anyStatus")}
          aria-label={t("followUp.status")}
          value={filters.status}
          onChange={(v) => setFilter("status", v)}
          options={[
            { value: "completed", label: t("followUp.completedAll") },
            ...TASK_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) })),
          ]}
          className="hd-filter-select"
          popupMatchSelectWidth={false}
          data-testid="filter-status"
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("programmes.allDirecting")}
          aria-label={t("programmes.rolesLong.directing")}
          value={filters.directing}
          onChange={(v) => setFilter("directing", v)}
          options={options.directing}
          className="hd-filter-select"
          popupMatchSelectWidth={false}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("followUp.anyLead")}
          aria-label={t("programmes.rolesLong.lead")}
          value={filters.lead}
          onChange={(v) => setFilter("lead", v)}
          options={options.lead}
          className="hd-filter-select"
          popupMatchSelectWidth={false}
        />
        <Select<string>
          allowClear
          placeholder={t("followUp.anyBucket")}
          aria-label={t("followUp.overdueAge")}
          value={isOverdueBucket(filters.bucket ?? null) ? filters.bucket : undefined}
          onChange={(v) => setFilter("bucket", v)}
          options={OVERDUE_BUCKETS.map((b) => ({ value: b, label: t(bucketKey(b)) }))}
          className="hd-filter-select"
          popupMatchSelectWidth={false}
        />
        <Input.Search
          allowClear
          defaultValue={filters.q}
          placeholder={t("programmes.taskSearch")}
          aria-label={t("programmes.taskSearch")}
          onSearch={(v) => setFilter("q", v.trim())}
          className="hd-filter-search"
        />
      </ProgrammeToolbar>
      {(choice.error || statuses.error) && (
        <Alert type="error" showIcon title={choice.error ?? statuses.error} className="hd-mb" role="alert" />
      )}
      <Card>
        <div className="hd-table-toolbar">
          <span aria-live="polite">
            {t("followUp.shownOf", { shown: shown.length, total: rows.length })}
            {canUrge && selected.length > 0 && ` · ${t("followUp.selectedN", { count: selected.length })}`}
          </span>
          {canUrge && (
            <Button
              type="primary"
              icon={<FileWordOutlined />}
              disabled={selected.length === 0}
              loading={busy === "urge"}
              onClick={urge}
              data-testid="urging-notice"
            >
              {t("followUp.urging.create")}
            </Button>
          )}
        </div>
        <StatusTable
          rows={shown}
          loading={statuses.loading}
          rowSelection={
            canUrge
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                  getCheckboxProps: (row) => ({
                    disabled:
                      row.status !== "overdue" &&
                      row.status !== "in_progress_on_time" &&
                      row.status !== "not_started",
                    "aria-label": t("followUp.urging.select", { ref: row.ref }),
                  }),
                }
              : undefined
          }
        />
      </Card>
    </>
  );
}
