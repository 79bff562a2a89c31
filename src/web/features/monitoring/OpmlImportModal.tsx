import { UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Modal, Select, Table, Tag, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSubmit } from "../../components/use-submit";
import { monitoringApi, type OpmlResult, OUTLET_TYPES, type OutletType } from "./monitoring-api";

const RESULT_COLORS = { created: "success", exists: "default", invalid: "error" } as const;

/** Imports sources from an OPML file (uploaded or pasted); one result line per outline. */
export function OpmlImportModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const [opml, setOpml] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [outletType, setOutletType] = useState<OutletType>("domestic_press");
  const [country, setCountry] = useState("VN");
  const [results, setResults] = useState<OpmlResult[] | null>(null);
  const { saving, error, setError, run } = useSubmit();

  const submit = async () => {
    if (!opml.trim()) {
      setError(t("monitoring.opml.empty"));
      return;
    }
    await run(async () => {
      const answer = await monitoringApi.importOpml({ opml, outletType, country: country.toUpperCase() });
      setResults(answer.results);
      onImported();
    });
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t("monitoring.opml.title")}
      onCancel={onClose}
      destroyOnHidden
      footer={
        results ? (
          <Button type="primary" onClick={onClose}>
            {t("common.close")}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="primary" loading={saving} onClick={submit}>
              {t("monitoring.opml.import")}
            </Button>
          </>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
      {results ? (
        <Table<OpmlResult>
          rowKey={(r) => `${r.url}-${r.status}`}
          size="small"
          pagination={false}
          dataSource={results}
          aria-label={t("monitoring.opml.results")}
          columns={[
            { title: t("monitoring.sources.name"), dataIndex: "name", key: "name" },
            { title: t("monitoring.sources.url"), dataIndex: "url", key: "url", ellipsis: true },
            {
              title: t("monitoring.opml.result"),
              key: "status",
              width: 120,
              render: (_, r) => (
                <Tag color={RESULT_COLORS[r.status]}>{t(`monitoring.opml.statuses.${r.status}`)}</Tag>
              ),
            },
          ]}
        />
      ) : (
        <Form layout="vertical">
          <Form.Item label={t("monitoring.opml.file")}>
            <Upload
              accept=".opml,.xml,text/xml,text/x-opml"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(file) => {
                void file.text().then((text) => {
                  setOpml(text);
                  setFileName(file.name);
                });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t("monitoring.opml.choose")}</Button>
            </Upload>
            {fileName && <span className="hd-ml hd-muted">{fileName}</span>}
          </Form.Item>
          <Form.Item label={t("monitoring.opml.paste")} htmlFor="opml-text">
            <Input.TextArea
              id="opml-text"
              rows={8}
              value={opml}
              onChange={(e) => setOpml(e.target.value)}
              placeholder='<opml version="2.0">…'
              className="hd-mono"
            />
          </Form.Item>
          <div className="hd-grid-2">
            <Form.Item label={t("monitoring.sources.outletType")} htmlFor="opml-outlet">
              <Select<OutletType>
                id="opml-outlet"
                value={outletType}
                onChange={setOutletType}
                options={OUTLET_TYPES.map((o) => ({ value: o, label: t(`monitoring.outletTypes.${o}`) }))}
              />
            </Form.Item>
            <Form.Item label={t("monitoring.sources.country")} htmlFor="opml-country">
              <Input
                id="opml-country"
                maxLength={2}
                value={country}
                onChange={(e) => setCountry(e.target.value)}
              />
            </Form.Item>
          </div>
        </Form>
      )}
    </Modal>
  );
}
