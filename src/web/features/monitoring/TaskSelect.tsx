import { Select } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { type Option, RemoteSelect } from "../../components/RemoteSelect";
import { useApiData } from "../../components/use-api-data";
import type { Programme, Task, TaskDetail } from "../programmes/programmes-api";

const loadProgrammes = (signal: AbortSignal) =>
  api.get<Page<Programme>>("/api/programmes", { pageSize: 100 }, signal);
const taskOption = (task: Task): Option => ({ value: task.id, label: `${task.ref} — ${task.text}` });

/** Picks a programme task to link a case to: a programme, then a task searched by text. */
export function TaskSelect({
  value,
  onChange,
  id,
  disabled,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const programmes = useApiData(useCallback(loadProgrammes, []));
  const loadTask = useCallback(
    (signal: AbortSignal) => api.get<TaskDetail>(`/api/tasks/${value}`, undefined, signal),
    [value],
  );
  const current = useApiData(value ? loadTask : null);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = programmes.data?.items ?? [];
  const programmeId = chosen ?? current.data?.programmeId ?? list[0]?.id ?? null;
  const initialOption = useMemo(
    () => (current.data ? taskOption(current.data) : value ? { value, label: value } : null),
    [current.data, value],
  );

  return (
    <div className="hd-grid-2">
      <Select<string>
        aria-label={t("monitoring.cases.programme")}
        placeholder={t("monitoring.cases.programme")}
        value={programmeId ?? undefined}
        onChange={setChosen}
        disabled={disabled}
        options={list.map((p) => ({
          value: p.id,
          label: [p.number, p.title].filter(Boolean).join(" · ") || p.id,
        }))}
        popupMatchSelectWidth={false}
      />
      {programmeId ? (
        <RemoteSelect<Task>
          id={id}
          path={`/api/programmes/${programmeId}/tasks`}
          toOption={taskOption}
          initialOption={initialOption}
          value={value ?? undefined}
          onChange={(v) => onChange?.(v ?? null)}
          disabled={disabled}
          placeholder={t("monitoring.cases.taskPlaceholder")}
          popupMatchSelectWidth={false}
        />
      ) : (
        <Select disabled placeholder={t("monitoring.cases.noProgramme")} />
      )}
    </div>
  );
}
