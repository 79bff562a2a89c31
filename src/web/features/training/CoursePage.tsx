import { DeleteOutlined, DownloadOutlined, PaperClipOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  List,
  Popconfirm,
  Spin,
  Table,
  Upload,
} from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../../api/client";
import { formatDate } from "../../components/format";
import { RemoteSelect } from "../../components/RemoteSelect";
import { EntryHeader } from "../../components/registers/EntryHeader";
import { fileToBase64 } from "../../components/registers/file-base64";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { PartnerItemModal } from "../partners/PartnerItemModal";
import { LinkedTasksCard } from "../registers/LinkedTasksCard";
import { CourseFields, type CourseFormValues, lines } from "./CourseForm";
import { TRAINING_MANAGERS } from "./TrainingPage";
import { trainingApi } from "./training-api";

interface Participant {
  personId: string;
  fullName: string;
  unitName: string | null;
  attended: boolean;
}

const personOption = (p: { id: string; fullName: string }) => ({ value: p.id, label: p.fullName });

/** One course: dates, topics, trainers, participants with attendance, materials, linked tasks. */
export default function CoursePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canManage = hasRole(...TRAINING_MANAGERS);
  const load = useCallback((signal: AbortSignal) => trainingApi.course(id, signal), [id]);
  const { data: course, error, loading, reload } = useApiData(load);
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    if (course) {
      setParticipants(course.participantList);
      setDirty(false);
    }
  }, [course]);

  const fail = (err: unknown) => message.error(isApiError(err) ? err.message : String(err));

  if (loading && !course) return <Spin />;
  if (error || !course) return <Alert type="error" showIcon title={error ?? t("training.notFound")} />;

  const saveParticipants = async () => {
    try {
      await trainingApi.setParticipants(id, {
        participants: participants.map((p) => ({ personId: p.personId, attended: p.attended })),
      });
      message.success(t("training.saved"));
      reload();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <>
      <EntryHeader
        title={course.title}
        back={{ to: "/training", label: t("training.backCourses") }}
        canManage={canManage}
        onEdit={() => setEditing(true)}
        remove={() => trainingApi.removeCourse(id)}
        labels={{
          confirmDelete: t("training.confirmDelete"),
          delete: t("training.delete"),
          deleted: t("training.deleted"),
        }}
      />
      <Card className="hd-mb">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("training.dates")}>
            {course.endDate === course.startDate
              ? formatDate(course.startDate)
              : `${formatDate(course.startDate)} – ${formatDate(course.endDate)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t("training.location")}>{course.location ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("training.topics")} span={2}>
            {course.topics.join("; ") || "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("training.trainers")} span={2}>
            {course.trainers.join("; ") || "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("training.participants")}>
            <span data-testid="course-attendance">
              {t("training.attendance", { attended: course.attended, total: course.participants })}
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title={t("training.participants")}
        size="small"
        className="hd-mb"
        extra={
          canManage && (
            <Button type="primary" size="small" disabled={!dirty} onClick={saveParticipants}>
              {t("training.saveParticipants")}
            </Button>
          )
        }
      >
        {canManage && (
          <RemoteSelect<{ id: string; fullName: string }>
            path="/api/people"
            toOption={personOption}
            placeholder={t("training.addParticipant")}
            aria-label={t("training.addParticipant")}
            value={null}
            excludeIds={participants.map((p) => p.personId)}
            className="hd-mb"
            style={{ width: "100%", maxWidth: 480 }}
            onChange={(value, option) => {
              if (!value) return;
              const label = Array.isArray(option) ? "" : String(option?.label ?? "");
              setParticipants((list) => [
                ...list,
                { personId: value, fullName: label, unitName: null, attended: true },
              ]);
              setDirty(true);
            }}
          />
        )}
        <Table<Participant>
          rowKey="personId"
          size="small"
          pagination={false}
          dataSource={participants}
          locale={{ emptyText: t("training.none") }}
          columns={[
            { key: "name", dataIndex: "fullName", title: t("training.participants") },
            { key: "unit", render: (_, p) => p.unitName ?? "" },
            {
              key: "attended",
              title: t("training.attended"),
              render: (_, p) => (
                <Checkbox
                  checked={p.attended}
                  disabled={!canManage}
                  aria-label={`${t("training.attended")}: ${p.fullName}`}
                  onChange={(e) => {
                    setParticipants((list) =>
                      list.map((x) => (x.personId === p.personId ? { ...x, attended: e.target.checked } : x)),
                    );
                    setDirty(true);
                  }}
                />
              ),
              width: 100,
            },
            {
              key: "x",
              width: 48,
              render: (_, p) =>
                canManage && (
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("training.delete")}
                    onClick={() => {
                      setParticipants((list) => list.filter((x) => x.personId !== p.personId));
                      setDirty(true);
                    }}
                  />
                ),
            },
          ]}
        />
      </Card>

      <Card
        title={t("training.materials")}
        size="small"
        className="hd-mb"
        extra={
          canManage && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void (async () => {
                  try {
                    await trainingApi.addMaterial(id, {
                      filename: file.name,
                      contentBase64: await fileToBase64(file),
                    });
                    reload();
                  } catch (err) {
                    fail(err);
                  }
                })();
                return false;
              }}
            >
              <Button size="small" icon={<PaperClipOutlined />}>
                {t("training.addMaterial")}
              </Button>
            </Upload>
          )
        }
      >
        <List
          size="small"
          dataSource={course.materials}
          locale={{ emptyText: t("training.none") }}
          renderItem={(m) => (
            <List.Item
              actions={[
                <Button
                  key="d"
                  size="small"
                  type="link"
                  icon={<DownloadOutlined />}
                  onClick={() => trainingApi.downloadMaterial(id, m).catch(fail)}
                >
                  {m.fileName}
                </Button>,
                ...(canManage
                  ? [
                      <Popconfirm
                        key="x"
                        title={t("training.confirmDelete")}
                        onConfirm={() => trainingApi.removeMaterial(id, m.id).then(reload, fail)}
                      >
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} />
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              {m.title}
            </List.Item>
          )}
        />
      </Card>

      <LinkedTasksCard kind="training_course" recordId={id} canEdit={canManage} />

      <PartnerItemModal<CourseFormValues>
        open={editing}
        title={t("training.editCourse")}
        onClose={() => setEditing(false)}
        initialValues={{
          title: course.title,
          startDate: dayjs(course.startDate),
          endDate: dayjs(course.endDate),
          location: course.location ?? undefined,
          topics: course.topics.join("\n"),
          trainers: course.trainers.join("\n"),
        }}
        onSubmit={async (v) => {
          try {
            await trainingApi.updateCourse(id, {
              title: v.title,
              startDate: v.startDate.format("YYYY-MM-DD"),
              endDate: v.endDate ? v.endDate.format("YYYY-MM-DD") : null,
              location: v.location || null,
              topics: lines(v.topics),
              trainers: lines(v.trainers),
            });
            setEditing(false);
            reload();
          } catch (err) {
            fail(err);
          }
        }}
      >
        <CourseFields />
      </PartnerItemModal>
    </>
  );
}
