import { Alert, Button, Drawer, Form, Input, InputNumber, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { useSubmit } from "../../components/use-submit";
import {
  monitoringApi,
  OUTLET_TYPES,
  SOURCE_FORMATS,
  type Source,
  type SourceChange,
  type SourceInput,
} from "./monitoring-api";
import { COMMON_LANGUAGES, useDisplayNames } from "./monitoring-labels";

interface Values {
  name: string;
  url?: string;
  format: NonNullable<SourceInput["format"]>;
  country: string;
  language?: string;
  outletType: NonNullable<SourceInput["outletType"]>;
  category?: string;
  siteUrl?: string;
  pollMinutes: number;
  isActive: boolean;
  fetchPages: boolean;
  isOwnChannel: boolean;
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Adds or edits a source: name, feed URL, kind, country, language, outlet type, polling interval, active. */
export function SourceFormDrawer({
  source,
  open,
  onClose,
  onSaved,
}: {
  source: Source | null;
  open: boolean;
  onClose: () => void;
  onSaved: (source: Source) => void;
}) {
  const { t } = useTranslation();
  const names = useDisplayNames();
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSubmit(form);
  const format = Form.useWatch("format", form);

  const initial: Values = source
    ? {
        name: source.name,
        url: source.url ?? undefined,
        format: source.format,
        country: source.country,
        language: source.language ?? undefined,
        outletType: source.outletType,
        category: source.category ?? undefined,
        siteUrl: source.siteUrl ?? undefined,
        pollMinutes: source.pollMinutes,
        isActive: source.isActive,
        fetchPages: source.fetchPages,
        isOwnChannel: source.isOwnChannel,
      }
    : {
        name: "",
        format: "rss",
        country: "VN",
        language: "vi",
        outletType: "domestic_press",
        pollMinutes: 60,
        isActive: true,
        fetchPages: true,
        isOwnChannel: false,
      };

  const submit = async (values: Values) => {
    // The update's shape: blanks are nulls (cleared); creation takes them as absent fields.
    const input: SourceChange = {
      name: values.name.trim(),
      url: blank(values.url),
      format: values.format,
      country: values.country.trim().toUpperCase(),
      language: blank(values.language),
      outletType: values.outletType,
      category: blank(values.category),
      siteUrl: blank(values.siteUrl),
      pollMinutes: values.pollMinutes,
      isActive: values.isActive,
      fetchPages: values.fetchPages,
      isOwnChannel: values.isOwnChannel,
    };
    await run(async () => {
      if (source) onSaved(await monitoringApi.updateSource(source.id, input));
      else {
        // Creation takes absent fields, not nulls.
        const created = Object.fromEntries(
          Object.entries(input).filter(([, v]) => v !== null),
        ) as SourceInput;
        onSaved(await monitoringApi.createSource(created));
      }
    });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={source ? t("monitoring.sources.edit", { name: source.name }) : t("monitoring.sources.add")}
      footer={
        <div className="hd-row-end">
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="source-save">
            {t("common.save")}
          </Button>
        </div>
      }
    >
      {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        data-testid="source-form"
      >
        <Form.Item name="name" label={t("monitoring.sources.name")} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <div className="hd-grid-2">
          <Form.Item name="format" label={t("monitoring.sources.format")} rules={[{ required: true }]}>
            <Select
              options={SOURCE_FORMATS.map((f) => ({ value: f, label: t(`monitoring.formats.${f}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="outletType"
            label={t("monitoring.sources.outletType")}
            rules={[{ required: true }]}
          >
            <Select
              options={OUTLET_TYPES.map((o) => ({ value: o, label: t(`monitoring.outletTypes.${o}`) }))}
            />
          </Form.Item>
        </div>
        <Form.Item
          name="url"
          label={t("monitoring.sources.url")}
          rules={[
            { required: format !== "manual", message: t("monitoring.sources.urlRequired") },
            { type: "url", message: t("monitoring.sources.urlInvalid") },
          ]}
        >
          <Input type="url" placeholder="https://" disabled={format === "manual"} />
        </Form.Item>
        <div className="hd-grid-2">
          <Form.Item
            name="country"
            label={t("monitoring.sources.country")}
            rules={[
              { required: true, pattern: /^[A-Za-z]{2}$/, message: t("monitoring.sources.countryHint") },
            ]}
            extra={t("monitoring.sources.countryHint")}
          >
            <Input maxLength={2} />
          </Form.Item>
          <Form.Item name="language" label={t("monitoring.sources.language")}>
            <Select
              allowClear
              options={COMMON_LANGUAGES.map((code) => ({
                value: code,
                label: `${names.language(code)} (${code})`,
              }))}
            />
          </Form.Item>
        </div>
        <div className="hd-grid-2">
          <Form.Item
            name="pollMinutes"
            label={t("monitoring.sources.pollMinutes")}
            rules={[{ required: true, type: "number", min: 5, max: 10080 }]}
          >
            <InputNumber min={5} max={10080} step={5} className="hd-w-100" />
          </Form.Item>
          <Form.Item name="category" label={t("monitoring.sources.category")}>
            <Input />
          </Form.Item>
        </div>
        <Form.Item name="siteUrl" label={t("monitoring.sources.siteUrl")} rules={[{ type: "url" }]}>
          <Input type="url" placeholder="https://" />
        </Form.Item>
        <div className="hd-grid-2">
          <Form.Item name="isActive" label={t("monitoring.sources.active")} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="fetchPages" label={t("monitoring.sources.fetchPages")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
        <Form.Item
          name="isOwnChannel"
          label={t("monitoringTies.ownChannel.label")}
          extra={t("monitoringTies.ownChannel.help")}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
