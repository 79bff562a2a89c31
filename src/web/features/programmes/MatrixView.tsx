import { Alert, Empty, Input, Segmented, Space, Spin } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { foldVietnamese } from "../../../shared/text/fold";
import { PARTY_ROLES, type PartyKind } from "../imports/parsed-programme";
import { partyKindKey } from "./labels";
import { KIND_ICONS, RoleChip } from "./PartyChips";
import type { Matrix } from "./programmes-api";

type KindFilter = PartyKind | "all";

/** "Ai làm gì": people, units and groups × tasks, each cell the role played. Sticky headers; scrolls both ways. */
export function MatrixView({ matrix, error }: { matrix: Matrix | null; error: string | null }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<KindFilter>("all");
  const [q, setQ] = useState("");

  const rows = useMemo(() => {
    const needle = foldVietnamese(q);
    return (matrix?.rows ?? []).filter(
      (row) =>
        (kind === "all" || row.kind === kind) && (!needle || foldVietnamese(row.name).includes(needle)),
    );
  }, [matrix, kind, q]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!matrix) return <Spin />;
  if (matrix.rows.length === 0) return <Empty description={t("programmes.matrix.empty")} />;

  return (
    <>
      <div className="hd-filters">
        <Input.Search
          allowClear
          placeholder={t("programmes.matrix.search")}
          aria-label={t("programmes.matrix.search")}
          onChange={(event) => setQ(event.target.value)}
          className="hd-filter-search"
        />
        <Segmented<KindFilter>
          value={kind}
          onChange={setKind}
          aria-label={t("programmes.partyKind")}
          options={(["all", "person", "unit", "group"] as const).map((value) => ({
            value,
            label: value === "all" ? t("programmes.matrix.all") : t(partyKindKey(value)),
          }))}
        />
        <Space size={4} className="hd-legend" aria-label={t("programmes.matrix.legend")}>
          {PARTY_ROLES.map((role) => (
            <RoleChip key={role} role={role} />
          ))}
        </Space>
      </div>
      <section
        className="hd-matrix-wrap"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it.
        tabIndex={0}
        aria-label={t("programmes.matrix.title")}
        data-testid="matrix"
      >
        <table className="hd-matrix">
          <caption className="hd-sr-only">{t("programmes.matrix.caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="hd-matrix-corner">
                {t("programmes.matrix.who")}
              </th>
              {matrix.columns.map((col) => (
                <th key={col.taskId} scope="col" className="hd-matrix-col">
                  <Link to={`/tasks/${col.taskId}`} aria-label={t("programmes.openTask", { ref: col.ref })}>
                    {col.ref}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="hd-matrix-name">
                  <span className="hd-matrix-kind">{KIND_ICONS[row.kind]}</span>
                  <span>
                    {row.name}
                    {row.qualifier && <span className="hd-muted"> {row.qualifier}</span>}
                  </span>
                </th>
                {matrix.columns.map((col) => {
                  const role = row.cells[col.ref];
                  return <td key={col.taskId}>{role ? <RoleChip role={role} /> : null}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p className="hd-muted hd-mt-s">
        {t("programmes.matrix.count", { rows: rows.length, tasks: matrix.columns.length })}
      </p>
    </>
  );
}
