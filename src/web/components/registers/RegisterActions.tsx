import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Space } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ImportFromExcel } from "./ImportFromExcel";
import type { ImportTemplate } from "./import-template";

/**
 * The actions of a register's list: add (for those who manage it), "Nhập từ Excel" where the register
 * has an import route, and the XLSX/CSV export of what the filters show.
 */
export function RegisterActions({
  canManage,
  addLabel,
  onAdd,
  exportAs,
  importer,
  className,
}: {
  canManage: boolean;
  addLabel?: string;
  onAdd?(): void;
  exportAs(format: "xlsx" | "csv"): Promise<void>;
  importer?: { path: string; template: ImportTemplate; title: string; onImported(count: number): void };
  className?: string;
}): ReactNode {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = (format: "xlsx" | "csv") =>
    exportAs(format).catch((err: unknown) => message.error(isApiError(err) ? err.message : String(err)));
  return (
    <Space wrap className={className}>
      {canManage && addLabel && onAdd && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
          {addLabel}
        </Button>
      )}
      {canManage && importer && <ImportFromExcel {...importer} />}
      <Button icon={<DownloadOutlined />} onClick={() => run("xlsx")}>
        {t("registers.exportXlsx")}
      </Button>
      <Button icon={<DownloadOutlined />} onClick={() => run("csv")}>
        {t("registers.exportCsv")}
      </Button>
    </Space>
  );
}
