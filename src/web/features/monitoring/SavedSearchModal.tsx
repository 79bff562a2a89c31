import { Alert, Checkbox, Form, Input, InputNumber, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useSubmit } from "../../components/use-submit";
import { monitoringApi, type SavedSearch, type SavedSearchInput } from "./monitoring-api";

interface Values {
  name: string;
  query: string;
  alertOnNew: boolean;
  alertOnSpike: boolean;
  spikeFactor: number;
  spikeMinCount: number;
  digest: "daily" | "weekly" | "none";
  inApp: boolean;
  emails: string[];
  webhookUrl?: string;
  webhookSecret?: string;
}

/** Saves a search with its alert settings (new matches, spikes, digest; in-app, e-mail, webhook). */
export function SavedSearchModal({
  query,
  saved,
  open,
  onClose,
  onSaved,
}: {
  query: string;
  /** The saved search being edited; absent to create one. */
  saved?: SavedSearch;
  open: boolean;
  onClose: () => void;
  onSaved: (saved: SavedSearch) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSubmit(form);
  const alertOnSpike = Form.useWatch("alertOnSpike", form);

  const initial: Values = {
    name: saved?.name ?? "",
    query: saved?.query ?? query,
    alertOnNew: saved?.alertOnNew ?? false,
    alertOnSpike: saved?.alertOnSpike ?? false,
    spikeFactor: saved?.spikeFactor ?? 3,
    spikeMinCount: saved?.spikeMinCount ?? 5,
    digest: saved?.digest ?? "none",
    inApp: saved?.channels.inApp ?? true,
    emails: saved?.channels.emails ?? [],
    webhookUrl: saved?.channels.webhook?.url,
  };

  const submit = async (values: Values) => {
    const webhookUrl = values.webhookUrl?.trim();
    // The webhook secret is write-only: unchanged channels are left out, changed ones are sent whole.
    const isChannelsUnchanged =
      saved !== undefined &&
      values.inApp === saved.channels.inApp &&
      values.emails.join(",") === saved.channels.emails.join(",") &&
      (webhookUrl || null) === (saved.channels.webhook?.url ?? null) &&
      !values.webhookSecret;
    const input: SavedSearchInput = {
      name: values.name.trim(),
      query: values.query,
      alertOnNew: values.alertOnNew,
      alertOnSpike: values.alertOnSpike,
      spikeFactor: values.spikeFactor,
      spikeMinCount: values.spikeMinCount,
      digest: values.digest === "none" ? null : values.digest,
      ...(!isChannelsUnchanged && {
        channels: {
          inApp: values.inApp,
          emails: values.emails,
          webhook: webhookUrl ? { url: webhookUrl, secret: values.webhookSecret ?? "" } : null,
        },
      }),
    };
    await run(async () =>
      onSaved(
        saved
          ? await monitoringApi.updateSavedSearch(saved.id, input)
          : await monitoringApi.createSavedSearch(input),
      ),
    );
  };

  return (
    <Modal
      open={open}
      title={saved ? t("monitoring.saved.edit") : t("monitoring.saved.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="name" label={t("monitoring.saved.name")} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="query" label={t("monitoring.search.query")} rules={[{ max: 1000 }]}>
          <Input />
        </Form.Item>
        <fieldset className="hd-mon-fieldset hd-mb">
          <legend className="hd-strong">{t("monitoring.saved.alerts")}</legend>
          <Form.Item name="alertOnNew" valuePropName="checked" noStyle>
            <Checkbox>{t("monitoring.saved.alertOnNew")}</Checkbox>
          </Form.Item>
          <Form.Item name="alertOnSpike" valuePropName="checked" noStyle>
            <Checkbox>{t("monitoring.saved.alertOnSpike")}</Checkbox>
          </Form.Item>
          {alertOnSpike && (
            <div className="hd-grid-2 hd-mt-s">
              <Form.Item name="spikeFactor" label={t("monitoring.saved.spikeFactor")}>
                <InputNumber min={1.1} max={100} step={0.5} className="hd-w-100" />
              </Form.Item>
              <Form.Item name="spikeMinCount" label={t("monitoring.saved.spikeMinCount")}>
                <InputNumber min={1} max={100000} className="hd-w-100" />
              </Form.Item>
            </div>
          )}
          <Form.Item name="digest" label={t("monitoring.saved.digest")} className="hd-mt-s">
            <Select
              options={(["none", "daily", "weekly"] as const).map((d) => ({
                value: d,
                label: t(`monitoring.saved.digests.${d}`),
              }))}
            />
          </Form.Item>
        </fieldset>
        <fieldset className="hd-mon-fieldset">
          <legend className="hd-strong">{t("monitoring.saved.channels")}</legend>
          <Form.Item name="inApp" valuePropName="checked">
            <Checkbox>{t("monitoring.saved.inApp")}</Checkbox>
          </Form.Item>
          <Form.Item name="emails" label={t("monitoring.saved.emails")}>
            <Select mode="tags" tokenSeparators={[",", " "]} open={false} suffixIcon={null} />
          </Form.Item>
          <Form.Item name="webhookUrl" label={t("monitoring.saved.webhookUrl")}>
            <Input type="url" placeholder="https://" />
          </Form.Item>
          <Form.Item
            name="webhookSecret"
            label={t("monitoring.saved.webhookSecret")}
            extra={saved?.channels.webhook?.hasSecret ? t("monitoring.saved.secretKept") : undefined}
            rules={[{ min: 16, max: 200 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </fieldset>
      </Form>
    </Modal>
  );
}
