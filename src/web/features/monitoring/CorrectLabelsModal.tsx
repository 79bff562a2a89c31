import { Alert, Checkbox, Form, Input, Modal, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { useSubmit } from "../../components/use-submit";
import {
  type CorrectLabelInput,
  FLAGS,
  type Flag,
  type ItemDetail,
  monitoringApi,
  TONES,
  type Tone,
} from "./monitoring-api";
import { COMMON_LANGUAGES, useDisplayNames, useTopics } from "./monitoring-labels";

interface Values {
  tone: Tone;
  topics: string[];
  language: string;
  mentionsCity: boolean;
  flags: Flag[];
  note?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Corrects the automatic labels of an item; only changed fields are sent (each becomes training data). */
export function CorrectLabelsModal({
  item,
  open,
  onClose,
  onSaved,
}: {
  item: ItemDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (item: ItemDetail) => void;
}) {
  const { t } = useTranslation();
  const names = useDisplayNames();
  const topics = useTopics();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, run } = useSubmit();
  const initial: Values = {
    tone: item.labels.tone,
    topics: item.labels.topics.map((topic) => topic.topic),
    language: item.labels.language,
    mentionsCity: item.labels.mentionsCity,
    flags: item.labels.flags,
  };
  const languages = [...new Set([item.labels.language, ...COMMON_LANGUAGES])];

  const submit = async (values: Values) => {
    const input: CorrectLabelInput = {};
    if (values.tone !== initial.tone) input.tone = values.tone;
    if (!same([...values.topics].sort(), [...initial.topics].sort())) input.topics = values.topics;
    if (values.language !== initial.language) input.language = values.language;
    if (values.mentionsCity !== initial.mentionsCity) input.mentionsCity = values.mentionsCity;
    if (!same([...values.flags].sort(), [...initial.flags].sort())) input.flags = values.flags;
    if (Object.keys(input).length === 0) {
      setError(t("monitoring.correct.nothingChanged"));
      return;
    }
    if (values.note?.trim()) input.note = values.note.trim();
    await run(async () => onSaved(await monitoringApi.correctLabels(item.id, input)));
  };

  return (
    <Modal
      open={open}
      title={t("monitoring.correct.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      <p className="hd-muted">{t("monitoring.correct.intro")}</p>
      {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="tone" label={t("monitoring.labels.tone")}>
          <Select options={TONES.map((tone) => ({ value: tone, label: t(`monitoring.tones.${tone}`) }))} />
        </Form.Item>
        <Form.Item name="topics" label={t("monitoring.labels.topics")}>
          <Select mode="multiple" options={topics.options} />
        </Form.Item>
        <Form.Item name="language" label={t("monitoring.labels.language")}>
          <Select options={languages.map((code) => ({ value: code, label: names.language(code) }))} />
        </Form.Item>
        <Form.Item name="mentionsCity" label={t("monitoring.labels.mentions")} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="flags" label={t("monitoring.labels.flags")}>
          <Checkbox.Group
            options={FLAGS.map((flag) => ({ value: flag, label: t(`monitoring.flags.${flag}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t("monitoring.correct.note")}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
