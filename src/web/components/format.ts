import dayjs from "dayjs";

/** Percentages ("33,3"), quarters ("Quý II/2024"), word-safe title clipping: one formatter with the documents. */
export {
  clipAtWord,
  formatPercent,
  formatQuarter,
  periodAxisLabel,
  romanQuarter,
} from "../../shared/text/vi-format";

/** 05/03/2024 14:30 — Vietnamese officials read day/month/year in both languages. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format("DD/MM/YYYY HH:mm") : "";
}

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format("DD/MM/YYYY") : "";
}

/** A calendar date as the API stores it (YYYY-MM-DD). */
export function toIsoDate(value: dayjs.Dayjs | null | undefined): string | null {
  return value ? value.format("YYYY-MM-DD") : null;
}
