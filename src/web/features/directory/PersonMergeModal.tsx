import { MergeCellsOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Modal, Result, Space, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import type { Person } from "../../api/types";
import { RemoteSelect } from "../../components/RemoteSelect";
import { useApiData } from "../../components/use-api-data";
import { directoryApi, personOption } from "./directory-api";

function PersonCard({ person, title }: { person: Person; title: string }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" bordered column={1} title={title}>
      <Descriptions.Item label={t("directory.people.fullName")}>
        {[person.honorific, person.fullName].filter(Boolean).join(" ")}
      </Descriptions.Item>
      <Descriptions.Item label={t("directory.people.position")}>{person.position}</Descriptions.Item>
      <Descriptions.Item label={t("directory.people.unit")}>{person.unitName}</Descriptions.Item>
      <Descriptions.Item label={t("directory.people.email")}>{person.email}</Descriptions.Item>
      <Descriptions.Item label={t("directory.people.phone")}>{person.phone}</Descriptions.Item>
    </Descriptions>
  );
}

/**
 * Merges a duplicate record into `survivor`: pick the duplicate, review both side by side, confirm.
 * The server moves the duplicate's memberships and links and marks it merged.
 */
export function PersonMergeModal({
  survivor,
  onClose,
  onMerged,
}: {
  survivor: Person | null;
  onClose(): void;
  onMerged(): void;
}) {
  const { t } = useTranslation();
  const [duplicateId, setDuplicateId] = useState<string | undefined>();
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Person | null>(null);
  const load = useCallback(
    (signal: AbortSignal) => directoryApi.getPerson(duplicateId ?? "", signal),
    [duplicateId],
  );
  const duplicate = useApiData(duplicateId ? load : null);

  useEffect(() => {
    if (survivor) {
      setDuplicateId(undefined);
      setError(null);
      setResult(null);
    }
  }, [survivor]);

  const merge = async () => {
    if (!survivor || !duplicateId) return;
    setMerging(true);
    setError(null);
    try {
      setResult(await directoryApi.mergePeople(survivor.id, duplicateId));
      onMerged();
    } catch (err) {
      setError(isApiError(err) ? err.message : t("errors.unexpected"));
    } finally {
      setMerging(false);
    }
  };

  const footer = result ? (
    <Button type="primary" onClick={onClose}>
      {t("common.close")}
    </Button>
  ) : (
    <Space>
      <Button onClick={onClose}>{t("common.cancel")}</Button>
      <Button
        type="primary"
        danger
        icon={<MergeCellsOutlined />}
        disabled={!duplicate.data}
        loading={merging}
        onClick={merge}
      >
        {t("directory.people.mergeConfirm")}
      </Button>
    </Space>
  );

  return (
    <Modal
      open={survivor !== null}
      onCancel={onClose}
      title={t("directory.people.mergeTitle")}
      footer={footer}
      width={760}
      destroyOnHidden
    >
      {survivor && result ? (
        <Result
          status="success"
          title={t("directory.people.mergedTitle")}
          subTitle={t("directory.people.mergedDetail", { name: result.fullName })}
          extra={<PersonCard person={result} title={t("directory.people.survivor")} />}
        />
      ) : (
        survivor && (
          <Space orientation="vertical" size="middle" className="hd-w-100">
            <Typography.Paragraph>
              {t("directory.people.mergeExplain", { name: survivor.fullName })}
            </Typography.Paragraph>
            <label className="hd-block-label" htmlFor="merge-duplicate">
              {t("directory.people.duplicate")}
            </label>
            <RemoteSelect<Person>
              id="merge-duplicate"
              path="/api/people"
              toOption={personOption}
              excludeIds={[survivor.id]}
              value={duplicateId}
              onChange={(value) => setDuplicateId(value ?? undefined)}
              placeholder={t("directory.people.duplicatePlaceholder")}
              className="hd-w-100"
            />
            {error && <Alert type="error" showIcon title={error} role="alert" />}
            {duplicate.error && <Alert type="error" showIcon title={duplicate.error} />}
            {duplicate.data && (
              <>
                <div className="hd-merge-grid">
                  <PersonCard person={survivor} title={t("directory.people.survivor")} />
                  <PersonCard person={duplicate.data} title={t("directory.people.duplicate")} />
                </div>
                <Alert type="warning" showIcon title={t("directory.people.mergeWarning")} />
              </>
            )}
          </Space>
        )
      )}
    </Modal>
  );
}
