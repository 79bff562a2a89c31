import { Alert, DatePicker, Form, Input, Modal, Radio } from "antd";
import type dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Person, Unit } from "../../api/types";
import { toIsoDate } from "../../components/format";
import { RemoteSelect } from "../../components/RemoteSelect";
import { useSubmit } from "../../components/use-submit";
import { personOption, unitOption } from "../directory/directory-api";
import { ASSESSMENTS, type Assessment, monitoringApi } from "./monitoring-api";

interface Values {
  title: string;
  assessment: Assessment;
  assigneePersonId?: string | null;
  assigneeUnitId?: string | null;
  deadline?: dayjs.Dayjs | null;
}

/** "Mở hồ sơ xử lý": opens a response case on an item or a story, then shows it on the board. */
export function OpenCaseModal({
  subject,
  open,
  onClose,
}: {
  subject: { itemId?: string; storyId?: string; title: string };
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSubmit();

  const submit = (values: Values) =>
    run(async () => {
      const created = await monitoringApi.createCase({
        ...(subject.itemId && { itemId: subject.itemId }),
        ...(subject.storyId && { storyId: subject.storyId }),
        title: values.title.trim(),
        assessment: values.assessment,
        assigneePersonId: values.assigneePersonId ?? null,
        assigneeUnitId: values.assigneeUnitId ?? null,
        deadline: toIsoDate(values.deadline),
      });
      navigate(`/monitoring/cases?case=${created.id}`);
    });

  return (
    <Modal
      open={open}
      title={t("monitoring.cases.open")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("monitoring.cases.openConfirm")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} className="hd-mb" role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ title: subject.title, assessment: "misleading" }}
        onFinish={submit}
        data-testid="open-case-form"
      >
        <Form.Item
          name="title"
          label={t("monitoring.cases.caseTitle")}
          rules={[{ required: true, max: 500 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="assessment" label={t("monitoring.cases.assessment")} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={ASSESSMENTS.map((a) => ({ value: a, label: t(`monitoring.assessments.${a}`) }))}
          />
        </Form.Item>
        <Form.Item name="assigneePersonId" label={t("monitoring.cases.assigneePerson")}>
          <RemoteSelect<Person>
            path="/api/people"
            toOption={personOption}
            query={{ isActive: true }}
            aria-label={t("monitoring.cases.assigneePerson")}
          />
        </Form.Item>
        <Form.Item name="assigneeUnitId" label={t("monitoring.cases.assigneeUnit")}>
          <RemoteSelect<Unit>
            path="/api/units"
            toOption={unitOption}
            query={{ isActive: true }}
            aria-label={t("monitoring.cases.assigneeUnit")}
          />
        </Form.Item>
        <Form.Item name="deadline" label={t("monitoring.cases.deadline")}>
          <DatePicker format="DD/MM/YYYY" className="hd-w-100" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
