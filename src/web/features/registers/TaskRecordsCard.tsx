/**
 * On a task's page: the register entries attached to it as evidence (delegations, press visits,
 * events, partners…), with "attach" for its parties and the secretariat — from the task, or from one
 * of its check-ins.
 */
import { LinkOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
} from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../components/format";
import { useApiData } from "../../components/use-api-data";
import { useSubmit } from "../../components/use-submit";
import { followUpApi } from "../follow-up/follow-up-api";
import { type RegisterEntry, registersApi } from "./registers-api";

interface AttachValues {
  kind: string;
  recordId: string;
  checkInId?: string;
  note?: string;
}

/** Entries of one register matching what the user types (debounced), for a Select. */
export function useEntrySearch(kind: string | undefined) {
  const [query, setQuery] = useState("");
  const [entries, setEntries] = useState<RegisterEntry[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!kind) {
      setEntries([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      registersApi
        .searchEntries(kind, query, controller.signal)
        .then(setEntries)
        .catch(() => undefined)
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [kind, query]);
  return { entries, loading, setQuery };
}

function AttachRecordModal(props: { taskId: string; open: boolean; onClose(): void; onAttached(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AttachValues>();
  const kind = Form.useWatch("kind", form);
  const { saving, error, run } = useSubmit(form);
  const kinds = useApiData(useCallback((signal: AbortSignal) => registersApi.kinds(signal), []));
  const checkIns = useApiData(
    useCallback((signal: AbortSignal) => followUpApi.checkIns(props.taskId, signal), [props.taskId]),
  );
  const { entries, loading, setQuery } = useEntrySearch(kind);

  const submit = (values: AttachValues) =>
    run(async () => {
      await registersApi.link(props.taskId, {
        kind: values.kind,
        recordId: values.recordId,
        checkInId: values.checkInId ?? null,
        note: values.note?.trim() || null,
      });
      message.success(t("registers.attached"));
      form.resetFields();
      props.onAttached();
      props.onClose();
    });

  return (
    <Modal
      open={props.open}
      title={t("registers.attachTitle")}
      okText={t("registers.attach")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="kind" label={t("registers.register")} rules={[{ required: true }]}>
          <Select
            loading={kinds.loading}
            options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: k.label }))}
            onChange={() => form.setFieldValue("recordId", undefined)}
          />
        </Form.Item>
        <Form.Item name="recordId" label={t("registers.entry")} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQuery }}
            disabled={!kind}
            loading={loading}
            placeholder={t("registers.entryPlaceholder")}
            options={entries.map((e) => ({
              value: e.id,
              label: e.date ? `${e.title} (${formatDate(e.date)})` : e.title,
            }))}
          />
        </Form.Item>
        <Form.Item name="checkInId" label={t("registers.checkIn")}>
          <Select
            allowClear
            options={(checkIns.data ?? [])
              .filter((c) => c.state !== "draft")
              .map((c) => ({ value: c.id, label: c.period }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t("registers.note")}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} className="hd-mb" />}
      </Form>
    </Modal>
  );
}

export function TaskRecordsCard({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const records = useApiData(
    useCallback((signal: AbortSignal) => registersApi.ofTask(taskId, signal), [taskId]),
  );
  const detach = async (linkId: string) => {
    await registersApi.unlink(taskId, linkId);
    message.success(t("registers.detached"));
    records.reload();
  };

  return (
    <Card
      className="hd-mb"
      title={<h2 className="hd-card-title">{t("registers.taskRecords")}</h2>}
      extra={
        records.data?.canLink ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t("registers.attach")}
          </Button>
        ) : null
      }
    >
      <p className="hd-muted hd-mb-s">{t("registers.taskRecordsHint")}</p>
      {records.data && records.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registers.noRecords")} />
      ) : (
        <List
          loading={records.loading}
          dataSource={records.data?.items ?? []}
          rowKey="id"
          renderItem={(r) => (
            <List.Item
              actions={
                r.canUnlink
                  ? [
                      <Popconfirm
                        key="detach"
                        title={t("registers.detachConfirm")}
                        okText={t("registers.detach")}
                        cancelText={t("common.cancel")}
                        onConfirm={() => detach(r.id)}
                      >
                        <Button size="small" type="link" danger>
                          {t("registers.detach")}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <Tag>{r.kindLabel}</Tag>
                  {r.path ? (
                    <Link to={r.path}>
                      <LinkOutlined /> {r.title}
                    </Link>
                  ) : (
                    <span className="hd-muted">{t("registers.deleted")}</span>
                  )}
                </Space>
                {(r.date || r.note) && (
                  <span className="hd-muted">
                    {[r.date ? formatDate(r.date) : null, r.note].filter(Boolean).join(" · ")}
                  </span>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      <AttachRecordModal
        taskId={taskId}
        open={adding}
        onClose={() => setAdding(false)}
        onAttached={records.reload}
      />
    </Card>
  );
}
