/**
 * On a register entry's page (a delegation, a press visit, a partner…): the programme tasks it is
 * evidence for, and "attach to a task" — choose the programme, then search its tasks.
 */
import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Form, List, Modal, Popconfirm, Select, Space, Tag } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { RemoteSelect } from "../../components/RemoteSelect";
import { useApiData } from "../../components/use-api-data";
import { useSubmit } from "../../components/use-submit";
import type { Programme, Task } from "../programmes/programmes-api";
import { registersApi } from "./registers-api";

interface Props {
  /** The register, as in `RegisterKind.kind`: "delegation", "press_visit", "partner"… */
  kind: string;
  recordId: string;
  /** Whether to offer "attach" (the server still checks the caller is a party of the task). */
  canEdit?: boolean;
}

export function LinkedTasksCard({ kind, recordId, canEdit = true }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ programmeId: string; taskId: string }>();
  const programmeId = Form.useWatch("programmeId", form);
  const { saving, error, run } = useSubmit(form);
  const tasks = useApiData(
    useCallback((signal: AbortSignal) => registersApi.tasksOf(kind, recordId, signal), [kind, recordId]),
  );
  const programmes = useApiData(
    useCallback(
      (signal: AbortSignal) =>
        api.get<Page<Programme>>("/api/programmes", { pageSize: 50 }, signal).then((p) => p.items),
      [],
    ),
  );

  const submit = (values: { taskId: string }) =>
    run(async () => {
      await registersApi.link(values.taskId, { kind, recordId });
      message.success(t("registers.attached"));
      form.resetFields();
      setAdding(false);
      tasks.reload();
    });
  const detach = async (taskId: string, linkId: string) => {
    await registersApi.unlink(taskId, linkId);
    message.success(t("registers.detached"));
    tasks.reload();
  };

  return (
    <Card
      className="hd-mb"
      title={<h2 className="hd-card-title">{t("registers.linkedTasks")}</h2>}
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t("registers.attachToTask")}
          </Button>
        ) : null
      }
    >
      <p className="hd-muted hd-mb-s">{t("registers.linkedTasksHint")}</p>
      {tasks.data && tasks.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registers.noLinkedTasks")} />
      ) : (
        <List
          loading={tasks.loading}
          dataSource={tasks.data ?? []}
          rowKey="linkId"
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
                        onConfirm={() => detach(r.taskId, r.linkId)}
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
                  <Tag color="blue">{t("registers.taskRef", { ref: r.ref })}</Tag>
                  <Link to={`/tasks/${r.taskId}`}>
                    {r.text.length > 160 ? `${r.text.slice(0, 160)}…` : r.text}
                  </Link>
                </Space>
                {r.programmeTitle && <span className="hd-muted">{r.programmeTitle}</span>}
              </Space>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={adding}
        title={t("registers.attachToTaskTitle")}
        okText={t("registers.attach")}
        cancelText={t("common.cancel")}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="programmeId" label={t("registers.programme")} rules={[{ required: true }]}>
            <Select
              loading={programmes.loading}
              options={(programmes.data ?? []).map((p) => ({
                value: p.id,
                label: [p.number, p.title].filter(Boolean).join(" – "),
              }))}
              onChange={() => form.setFieldValue("taskId", undefined)}
            />
          </Form.Item>
          <Form.Item name="taskId" label={t("registers.task")} rules={[{ required: true }]}>
            {programmeId ? (
              <RemoteSelect<Task>
                key={programmeId}
                path={`/api/programmes/${programmeId}/tasks`}
                placeholder={t("registers.taskPlaceholder")}
                toOption={(task) => ({
                  value: task.id,
                  label: `${task.ref}. ${task.text.length > 120 ? `${task.text.slice(0, 120)}…` : task.text}`,
                })}
              />
            ) : (
              <Select disabled />
            )}
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} className="hd-mb" />}
        </Form>
      </Modal>
    </Card>
  );
}
