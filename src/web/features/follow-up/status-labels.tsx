/** How statuses, overdue ages and check-in states look: colours and i18n keys shared by every follow-up screen. */
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { CheckInState, OverdueBucket, TaskStatus } from "./follow-up-api";

/** Chart and tag colours per status: greens done, blue/grey pending, red overdue, purple/orange ongoing. */
export const STATUS_COLORS: Record<TaskStatus, string> = {
  completed_on_time: "#389e0d",
  completed_late: "#95de64",
  in_progress_on_time: "#1677ff",
  not_started: "#8c8c8c",
  overdue: "#cf1322",
  awaiting_due_date: "#d4b106",
  ongoing_reported: "#722ed1",
  ongoing_not_reported: "#fa8c16",
};

export const BUCKET_COLORS: Record<OverdueBucket, string> = {
  up_to_30: "#ffa39e",
  "31_to_90": "#ff7875",
  "91_to_120": "#f5222d",
  over_120: "#a8071a",
};

const STATE_TAG: Record<CheckInState, string> = {
  draft: "default",
  submitted: "processing",
  confirmed: "success",
  returned: "error",
};

export const statusKey = (status: TaskStatus) => `followUp.statuses.${status}`;
export const bucketKey = (bucket: OverdueBucket) => `followUp.buckets.${bucket}`;

/** The official status label (QĐ 42) as a coloured tag. */
export function StatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} className="hd-status-tag" data-status={status}>
      {t(statusKey(status))}
    </Tag>
  );
}

export function CheckInStateTag({ state }: { state: CheckInState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_TAG[state]} data-state={state}>
      {t(`followUp.states.${state}`)}
    </Tag>
  );
}

/** "2024-H1" → "6 tháng đầu năm 2024", "2024-Q2" → "Quý II/2024", "2024" → "Năm 2024". */
export function usePeriodLabel() {
  const { t } = useTranslation();
  return (key: string) => {
    const match = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/.exec(key);
    if (!match) return key;
    const [, year, part] = match;
    if (!part) return t("followUp.period.year", { year });
    return t(`followUp.period.${part}`, { year });
  };
}

/** Reporting periods of a year, as the API keys them. */
export const periodKeys = (year: number) => [
  `${year}-Q1`,
  `${year}-Q2`,
  `${year}-H1`,
  `${year}-Q3`,
  `${year}-Q4`,
  `${year}-H2`,
  `${year}`,
];
