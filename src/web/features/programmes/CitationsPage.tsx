import { Alert, Card, Input, Table, type TableColumnsType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useServerTable } from "../../components/use-server-table";
import { type Citation, programmeLabel } from "./programmes-api";

/** A document number as typed ("57-KL/TW", "318/KH-UBND"), rather than words. */
const looksLikeNumber = (value: string) => /\d/.test(value) && /[/-]/.test(value) && !/\s/.test(value);

/** "Văn bản được trích dẫn": every document the programmes cite, and which tasks cite it. */
export default function CitationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const initialNumber = params.get("number") ?? "";
  const table = useServerTable<Citation, { q: string; number: string }>("/api/citations", {
    filters: { q: "", number: initialNumber },
    pageSize: 50,
  });

  const search = (raw: string) => {
    const value = raw.trim();
    const isNumber = looksLikeNumber(value);
    table.setFilter("number", isNumber ? value : "");
    table.setFilter("q", isNumber ? "" : value);
    setParams(isNumber && value ? { number: value } : {}, { replace: true });
  };

  const columns: TableColumnsType<Citation> = [
    {
      title: t("citations.document"),
      key: "document",
      render: (_, c) => (
        <div>
          <span className="hd-strong">
            {c.kind} {c.number ?? ""}
          </span>
          <div className="hd-muted">
            {[c.issuer, c.date && formatDate(c.date)].filter(Boolean).join(" — ")}
          </div>
        </div>
      ),
    },
    {
      title: t("citations.programmes"),
      key: "programmes",
      width: 260,
      render: (_, c) =>
        c.programmes.map((p) => (
          <div key={p.id}>
            <Link to={`/programmes/${p.id}`}>{programmeLabel(p)}</Link>{" "}
            {p.status === "superseded" && <Tag>{t("programmes.versionN", { version: p.version })}</Tag>}
          </div>
        )),
    },
    {
      title: t("citations.tasks"),
      key: "tasks",
      render: (_, c) =>
        c.tasks.length ? (
          <span className="hd-tag-wrap">
            {c.tasks.map((task) => (
              <Link key={task.id} to={`/tasks/${task.id}`} className="hd-pill" title={task.text}>
                {task.ref ?? "—"}
              </Link>
            ))}
          </span>
        ) : (
          <span className="hd-muted">{t("citations.wholeProgramme")}</span>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t("citations.title")} description={t("citations.description")} />
      <Card>
        <search className="hd-filters" aria-label={t("common.filters")}>
          <Input.Search
            allowClear
            defaultValue={initialNumber}
            placeholder={t("citations.searchPlaceholder")}
            aria-label={t("citations.searchLabel")}
            onSearch={search}
            className="hd-filter-search-wide"
            enterButton
          />
        </search>
        {table.error && <Alert type="error" showIcon title={table.error} className="hd-mb" />}
        <Table<Citation> {...table.tableProps} columns={columns} size="middle" />
      </Card>
    </>
  );
}
