import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from "antd";
import type dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useSubmit } from "../../components/use-submit";
import { type ManualItemInput, monitoringApi } from "./monitoring-api";

const PLATFORMS = ["facebook", "youtube", "tiktok", "x", "zalo", "instagram", "telegram", "other"];

interface Values {
  url?: string;
  text?: string;
  title?: string;
  platform?: string;
  author?: string;
  publishedAt?: dayjs.Dayjs | null;
}

/** Manual entry: a page fetched once by its URL, or a pasted social-media post (platform, author, date). */
export function ManualEntryModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<"url" | "post">("url");
  const { saving, error, run } = useSubmit(form);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (values: Values) => {
    const trim = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
    const input: ManualItemInput =
      kind === "url"
        ? { url: trim(values.url) }
        : Object.fromEntries(
            Object.entries({
              text: trim(values.text),
              url: trim(values.url),
              title: trim(values.title),
              platform: values.platform,
              author: trim(values.author),
              publishedAt: values.publishedAt?.toISOString(),
            }).filter(([, v]) => v !== undefined),
          );
    setNotice(null);
    await run(async () => {
      const answer = await monitoringApi.addManualItem(input);
      if (answer.id) navigate(`/monitoring/items/${answer.id}`);
      else setNotice(t("monitoring.manual.duplicate"));
    });
  };

  return (
    <Modal
      open={open}
      width={640}
      title={t("monitoring.manual.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("monitoring.manual.add")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
      {notice && <Alert type="info" showIcon title={notice} className="hd-mb" role="status" />}
      <Radio.Group
        className="hd-mb"
        optionType="button"
        value={kind}
        onChange={(e) => setKind(e.target.value as "url" | "post")}
        aria-label={t("monitoring.manual.kind")}
        options={[
          { value: "url", label: t("monitoring.manual.byUrl") },
          { value: "post", label: t("monitoring.manual.byPost") },
        ]}
      />
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {kind === "post" && (
          <>
            <Form.Item
              name="text"
              label={t("monitoring.manual.text")}
              rules={[{ required: true, max: 100000 }]}
            >
              <Input.TextArea rows={6} />
            </Form.Item>
            <div className="hd-grid-2">
              <Form.Item name="platform" label={t("monitoring.manual.platform")} rules={[{ required: true }]}>
                <Select
                  options={PLATFORMS.map((p) => ({ value: p, label: t(`monitoring.manual.platforms.${p}`) }))}
                />
              </Form.Item>
              <Form.Item name="author" label={t("monitoring.manual.author")} rules={[{ max: 200 }]}>
                <Input />
              </Form.Item>
            </div>
            <div className="hd-grid-2">
              <Form.Item name="publishedAt" label={t("monitoring.manual.publishedAt")}>
                <DatePicker showTime={{ format: "HH:mm" }} format="DD/MM/YYYY HH:mm" className="hd-w-100" />
              </Form.Item>
              <Form.Item name="title" label={t("monitoring.manual.postTitle")} rules={[{ max: 1000 }]}>
                <Input />
              </Form.Item>
            </div>
          </>
        )}
        <Form.Item
          name="url"
          label={kind === "url" ? t("monitoring.manual.url") : t("monitoring.manual.postUrl")}
          rules={[
            { required: kind === "url", message: t("monitoring.sources.urlRequired") },
            { type: "url", message: t("monitoring.sources.urlInvalid") },
          ]}
          extra={kind === "url" ? t("monitoring.manual.urlHint") : undefined}
        >
          <Input type="url" placeholder="https://" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
