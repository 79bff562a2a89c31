import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Checkbox, DatePicker, Form, Input, Radio, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import {
  DELEGATION_CHANNELS,
  DELEGATION_DIRECTIONS,
  type DelegationDto,
} from "../../../shared/api/delegations";
import type { Unit } from "../../api/types";
import { RemoteSelect } from "../../components/RemoteSelect";
import { COUNTRY_OPTIONS } from "../../components/registers/country-options";
import { FormDrawer } from "../../components/registers/FormDrawer";
import { PersonPicker, type PersonValue } from "../../components/registers/PersonPicker";
import { useSubmit } from "../../components/use-submit";
import { type DelegationInput, delegationsApi } from "./delegations-api";

interface DelegationForm {
  title: string;
  direction: DelegationDto["direction"];
  channel: DelegationDto["channel"];
  countryCode: string;
  partner?: string;
  level?: string;
  head?: PersonValue | null;
  headTitle?: string;
  members?: { person?: PersonValue | null; title?: string }[];
  startDate: Dayjs;
  endDate: Dayjs;
  itinerary?: string;
  pressRelease: boolean;
  photos: boolean;
  interviews: boolean;
  languages: string[];
  responsibleUnitId?: string | null;
  authNumber?: string;
  authDate?: Dayjs | null;
  authIssuer?: string;
  agreements?: { title: string; date: Dayjs; partner: string }[];
}

const lines = (text: string | undefined) =>
  (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** Create or edit a delegation. */
export function DelegationFormDrawer({
  open,
  delegation,
  onClose,
  onSaved,
}: {
  open: boolean;
  delegation: DelegationDto | null;
  onClose(): void;
  onSaved(saved: DelegationDto): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DelegationForm>();
  const { saving, error, run } = useSubmit(form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const d = delegation;
    form.setFieldsValue({
      title: d?.title ?? "",
      direction: d?.direction ?? "outbound",
      channel: d?.channel ?? "government",
      countryCode: d?.countryCode,
      partner: d?.partner ?? "",
      level: d?.level ?? "",
      head: d?.head ? { personId: d.head.personId, name: d.head.name } : null,
      headTitle: d?.head?.title ?? "",
      members:
        d?.members.map((m) => ({ person: { personId: m.personId, name: m.name }, title: m.title ?? "" })) ??
        [],
      startDate: d ? dayjs(d.startDate) : undefined,
      endDate: d ? dayjs(d.endDate) : undefined,
      itinerary: d?.itinerary.join("\n") ?? "",
      pressRelease: d?.informationPlan.pressRelease ?? false,
      photos: d?.informationPlan.photos ?? false,
      interviews: d?.informationPlan.interviews ?? false,
      languages: d?.informationPlan.languages ?? ["vi"],
      responsibleUnitId: d?.informationPlan.responsibleUnitId ?? null,
      authNumber: d?.authorisation?.number ?? "",
      authDate: d?.authorisation ? dayjs(d.authorisation.date) : null,
      authIssuer: d?.authorisation?.issuer ?? "",
      agreements: d?.agreements.map((a) => ({ ...a, date: dayjs(a.date) })) ?? [],
    });
  }, [open, delegation, form]);

  const submit = (v: DelegationForm) =>
    run(async () => {
      const body: DelegationInput = {
        title: v.title.trim(),
        direction: v.direction,
        channel: v.channel,
        countryCode: v.countryCode,
        partner: v.partner?.trim() || null,
        level: v.level?.trim() || null,
        head: v.head ? { ...v.head, title: v.headTitle?.trim() || null } : null,
        members: (v.members ?? []).flatMap((m) =>
          m.person ? [{ ...m.person, title: m.title?.trim() || null }] : [],
        ),
        startDate: v.startDate.format("YYYY-MM-DD"),
        endDate: v.endDate.format("YYYY-MM-DD"),
        itinerary: lines(v.itinerary),
        informationPlan: {
          pressRelease: v.pressRelease,
          photos: v.photos,
          interviews: v.interviews,
          languages: v.languages,
          responsibleUnitId: v.responsibleUnitId ?? null,
        },
        authorisation:
          v.authNumber?.trim() && v.authDate && v.authIssuer?.trim()
            ? {
                number: v.authNumber.trim(),
                date: v.authDate.format("YYYY-MM-DD"),
                issuer: v.authIssuer.trim(),
              }
            : null,
        agreements: (v.agreements ?? []).map((a) => ({
          title: a.title.trim(),
          partner: a.partner.trim(),
          date: a.date.format("YYYY-MM-DD"),
        })),
      };
      const saved = delegation
        ? await delegationsApi.update(delegation.id, body)
        : await delegationsApi.create(body);
      message.success(t("delegations.saved"));
      onSaved(saved);
    });

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={delegation ? t("delegations.edit") : t("delegations.add")}
      size={640}
      form={form}
      onFinish={submit}
      saving={saving}
      error={error}
      requiredMark="optional"
    >
      <Form.Item
        name="title"
        label={t("delegations.fields.title")}
        rules={[{ required: true, whitespace: true, max: 300 }]}
      >
        <Input />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="direction" label={t("delegations.fields.direction")}>
          <Radio.Group
            options={DELEGATION_DIRECTIONS.map((d) => ({
              value: d,
              label: t(`delegations.direction.${d}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t("delegations.fields.channel")}>
          <Select
            style={{ width: 200 }}
            options={DELEGATION_CHANNELS.map((c) => ({ value: c, label: t(`delegations.channel.${c}`) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="countryCode" label={t("delegations.fields.country")} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={COUNTRY_OPTIONS} />
      </Form.Item>
      <Form.Item name="partner" label={t("delegations.fields.partner")} rules={[{ max: 300 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="level" label={t("delegations.fields.level")} rules={[{ max: 300 }]}>
        <Input />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="startDate" label={t("delegations.fields.startDate")} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="endDate" label={t("delegations.fields.endDate")} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="head" label={t("delegations.fields.head")}>
          <PersonPicker
            onPickPerson={(p) => {
              if (!form.getFieldValue("headTitle") && p.position) form.setFieldValue("headTitle", p.position);
            }}
          />
        </Form.Item>
        <Form.Item name="headTitle" label={t("delegations.fields.headTitle")} rules={[{ max: 300 }]}>
          <Input style={{ width: 280 }} />
        </Form.Item>
      </Space>
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <Form.Item label={t("delegations.fields.members")} extra={t("delegations.fields.membersHelp")}>
            {fields.map((field, i) => (
              <Space key={field.key} align="start" wrap data-testid="delegation-member">
                <Form.Item
                  name={[field.name, "person"]}
                  rules={[{ required: true, message: t("delegations.memberRequired") }]}
                >
                  <PersonPicker
                    aria-label={t("delegations.memberN", { n: i + 1 })}
                    onPickPerson={(p) => {
                      const path: ["members", number, "title"] = ["members", field.name, "title"];
                      if (!form.getFieldValue(path) && p.position) form.setFieldValue(path, p.position);
                    }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, "title"]} rules={[{ max: 300 }]}>
                  <Input
                    placeholder={t("delegations.fields.memberTitle")}
                    aria-label={t("delegations.memberTitleN", { n: i + 1 })}
                    style={{ width: 240 }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t("delegations.removeMember", { n: i + 1 })}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ person: null, title: "" })}>
              {t("delegations.addMember")}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item
        name="itinerary"
        label={t("delegations.fields.itinerary")}
        extra={t("delegations.fields.itineraryHelp")}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label={t("delegations.fields.plan")}>
        <Space wrap>
          <Form.Item name="pressRelease" valuePropName="checked" noStyle>
            <Checkbox>{t("delegations.fields.pressRelease")}</Checkbox>
          </Form.Item>
          <Form.Item name="photos" valuePropName="checked" noStyle>
            <Checkbox>{t("delegations.fields.photos")}</Checkbox>
          </Form.Item>
          <Form.Item name="interviews" valuePropName="checked" noStyle>
            <Checkbox>{t("delegations.fields.interviews")}</Checkbox>
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item name="languages" label={t("delegations.fields.languages")}>
        <Select
          mode="tags"
          options={["vi", "en", "zh", "ja", "ko", "fr", "ru", "lo"].map((l) => ({ value: l, label: l }))}
        />
      </Form.Item>
      <Form.Item name="responsibleUnitId" label={t("delegations.fields.responsibleUnit")}>
        <RemoteSelect<Unit>
          path="/api/units"
          allowClear
          toOption={(u) => ({ value: u.id, label: u.name })}
          initialOption={
            delegation?.informationPlan.responsibleUnitId
              ? {
                  value: delegation.informationPlan.responsibleUnitId,
                  label: delegation.informationPlan.responsibleUnitName ?? "",
                }
              : null
          }
        />
      </Form.Item>
      <Form.Item label={t("delegations.fields.authorisation")}>
        <Space wrap align="start">
          <Form.Item name="authNumber" noStyle>
            <Input placeholder={t("delegations.fields.authNumber")} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="authDate" noStyle>
            <DatePicker format="DD/MM/YYYY" placeholder={t("delegations.fields.authDate")} />
          </Form.Item>
          <Form.Item name="authIssuer" noStyle>
            <Input placeholder={t("delegations.fields.authIssuer")} style={{ width: 220 }} />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.List name="agreements">
        {(fields, { add, remove }) => (
          <Form.Item label={t("delegations.fields.agreements")}>
            {fields.map((field) => (
              <Space key={field.key} align="start" wrap>
                <Form.Item name={[field.name, "title"]} rules={[{ required: true, whitespace: true }]}>
                  <Input placeholder={t("delegations.fields.agreementTitle")} style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[field.name, "date"]} rules={[{ required: true }]}>
                  <DatePicker format="DD/MM/YYYY" placeholder={t("delegations.fields.agreementDate")} />
                </Form.Item>
                <Form.Item name={[field.name, "partner"]} rules={[{ required: true, whitespace: true }]}>
                  <Input placeholder={t("delegations.fields.agreementPartner")} style={{ width: 160 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
              {t("delegations.addAgreement")}
            </Button>
          </Form.Item>
        )}
      </Form.List>
    </FormDrawer>
  );
}
