import { Alert, Input, Select, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useServerTable } from "../../components/use-server-table";
import {
  PARTY_ROLES,
  type PartyRole,
  TIMEFRAME_KINDS,
  type TimeframeKind,
} from "../imports/parsed-programme";
import { roleLongKey, timeframeKindKey } from "./labels";
import { PartyList } from "./PartyChips";
import type { MatrixRow, ProgrammeSection, Task, TaskFilters } from "./programmes-api";

/** The programme's tasks, filtered on the server by section, directing official, party + role, time frame, text. */
export function TasksTable({
  programmeId,
  sections,
  people,
}: {
  programmeId: string;
  sections: ProgrammeSection[];
  /** Rows of the "who does what" matrix: the names that can be filtered on. */
  people: MatrixRow[];
}) {
  const { t } = useTranslation();
  const table = useServerTable<Task, TaskFilters>(`/api/programmes/${programmeId}/tasks`, {
    filters: {
      section: undefined,
      directing: undefined,
      party: undefined,
      role: undefined,
      timeframeKind: undefined,
      q: "",
    },
    pageSize: 50,
  });

  const directingOptions = useMemo(
    () =>
      people
        .filter((row) => row.counts.directing > 0)
        .map((row) => ({ value: row.personId ?? row.name, label: `${row.name} (${row.counts.directing})` })),
    [people],
  );
  const partyOptions = useMemo(
    () =>
      people
        .filter((row) => row.personId || row.unitId)
        .map((row) => ({ value: row.personId ?? row.unitId ?? "", label: row.name })),
    [people],
  );

  const columns: TableColumnsType<Task> = [
    {
      title: t("programmes.ref"),
      dataIndex: "ref",
      key: "ref",
      width: 80,
      render: (ref: string, task) => (
        <Link to={`/tasks/${task.id}`} className="hd-task-ref" aria-label={t("programmes.openTask", { ref })}>
          {ref}
        </Link>
      ),
    },
    {
      title: t("programmes.taskText"),
      dataIndex: "text",
      key: "text",
      render: (text: string, task) => (
        <Link to={`/tasks/${task.id}`} className="hd-task-link">
          <Typography.Paragraph ellipsis={{ rows: 3 }} className="hd-task-text">
            {text}
          </Typography.Paragraph>
        </Link>
      ),
    },
    {
      title: t("programmes.rolesLong.directing"),
      key: "directing",
      width: 160,
      render: (_, task) => <PartyList parties={task.directing} />,
    },
    {
      title: t("programmes.rolesLong.lead"),
      key: "leads",
      width: 180,
      render: (_, task) => <PartyList parties={task.leads} max={3} />,
    },
    {
      title: t("programmes.rolesLong.coordinator"),
      key: "coordinators",
      width: 200,
      responsive: ["xxl"],
      render: (_, task) => <PartyList parties={task.coordinators} max={3} />,
    },
    {
      title: t("programmes.timeframe"),
      key: "timeframe",
      width: 150,
      responsive: ["md"],
      render: (_, task) => (
        <div>
          {task.timeframe.text && <div>{task.timeframe.text}</div>}
          <Tag className="hd-mt-xs">{t(timeframeKindKey(task.timeframe.kind))}</Tag>
        </div>
      ),
    },
  ];

  return (
    <>
      <search className="hd-filters" aria-label={t("common.filters")}>
        <Input.Search
          allowClear
          placeholder={t("programmes.taskSearch")}
          aria-label={t("programmes.taskSearch")}
          onSearch={(value) => table.setFilter("q", value.trim())}
          className="hd-filter-search"
        />
        <Select<string>
          allowClear
          placeholder={t("programmes.allSections")}
          aria-label={t("programmes.section")}
          value={table.filters.section}
          onChange={(value) => table.setFilter("section", value ?? undefined)}
          options={sections.map((s) => ({ value: s.ref, label: `${s.ref}. ${s.heading}` }))}
          className="hd-filter-select"
          popupMatchSelectWidth={false}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("programmes.allDirecting")}
          aria-label={t("programmes.rolesLong.directing")}
          value={table.filters.directing}
          onChange={(value) => table.setFilter("directing", value ?? undefined)}
          options={directingOptions}
          className="hd-filter-select"
          data-testid="filter-directing"
          popupMatchSelectWidth={false}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("programmes.anyParty")}
          aria-label={t("programmes.party")}
          value={table.filters.party}
          onChange={(value) => table.setFilter("party", value ?? undefined)}
          options={partyOptions}
          className="hd-filter-unit"
          popupMatchSelectWidth={false}
        />
        <Select<PartyRole>
          allowClear
          placeholder={t("programmes.anyRole")}
          aria-label={t("programmes.role")}
          value={table.filters.role}
          onChange={(value) => table.setFilter("role", value ?? undefined)}
          options={PARTY_ROLES.map((role) => ({ value: role, label: t(roleLongKey(role)) }))}
          className="hd-filter-select"
        />
        <Select<TimeframeKind>
          allowClear
          placeholder={t("programmes.anyTimeframe")}
          aria-label={t("programmes.timeframeKind")}
          value={table.filters.timeframeKind}
          onChange={(value) => table.setFilter("timeframeKind", value ?? undefined)}
          options={TIMEFRAME_KINDS.map((kind) => ({ value: kind, label: t(timeframeKindKey(kind)) }))}
          className="hd-filter-select"
        />
      </search>
      {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
      <Table<Task> {...table.tableProps} columns={columns} size="middle" data-testid="tasks-table" />
    </>
  );
}
