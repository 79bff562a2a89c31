import { EditOutlined, PlusOutlined, StopOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Empty,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
} from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { COMMITTEE_ROLES, type CommitteeMember, type CommitteeRole } from "../../api/types";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { DIRECTORY_EDITORS, useAuth } from "../auth/auth-context";
import { directoryApi } from "./directory-api";
import { MemberFormModal, type MemberModalMode } from "./MemberFormModal";

const ROLE_COLORS: Record<CommitteeRole, string> = {
  head: "red",
  deputy_head: "orange",
  member: "blue",
  secretariat_member: "cyan",
};

function isCurrent(member: CommitteeMember): boolean {
  return !member.endDate || !dayjs(member.endDate).isBefore(dayjs(), "day");
}

export default function CommitteePage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const canEdit = hasRole(...DIRECTORY_EDITORS);
  const [committeeId, setCommitteeId] = useState<string | undefined>();
  const [showEnded, setShowEnded] = useState(false);
  const [modal, setModal] = useState<MemberModalMode | null>(null);

  const committees = useApiData(
    useCallback((signal: AbortSignal) => directoryApi.listCommittees(signal), []),
  );
  useEffect(() => {
    const first = committees.data?.items[0];
    if (!committeeId && first) setCommitteeId(first.id);
  }, [committees.data, committeeId]);

  const loadMembers = useCallback(
    (signal: AbortSignal) => directoryApi.listMembers(committeeId ?? "", signal),
    [committeeId],
  );
  const members = useApiData(committeeId ? loadMembers : null);

  const rows = useMemo(() => {
    const order = (role: CommitteeRole) => COMMITTEE_ROLES.indexOf(role);
    return (members.data?.items ?? [])
      .filter((member) => showEnded || isCurrent(member))
      .sort((a, b) => order(a.role) - order(b.role) || a.personName.localeCompare(b.personName, "vi"));
  }, [members.data, showEnded]);

  const columns: TableColumnsType<CommitteeMember> = [
    {
      title: t("committee.role"),
      dataIndex: "role",
      key: "role",
      width: 200,
      render: (role: CommitteeRole) => <Tag color={ROLE_COLORS[role]}>{t(`committeeRoles.${role}`)}</Tag>,
    },
    {
      title: t("committee.person"),
      dataIndex: "personName",
      key: "personName",
      render: (name) => <span className="hd-strong">{name}</span>,
    },
    { title: t("directory.people.position"), dataIndex: "position", key: "position", responsive: ["lg"] },
    { title: t("directory.people.unit"), dataIndex: "unitName", key: "unitName" },
    {
      title: t("committee.term"),
      key: "term",
      render: (_, member) => (
        <span>
          {formatDate(member.startDate)} –{" "}
          {member.endDate ? formatDate(member.endDate) : t("committee.present")}
          {!isCurrent(member) && <Tag className="hd-ml">{t("committee.ended")}</Tag>}
        </span>
      ),
    },
  ];
  if (canEdit) {
    columns.push({
      title: <span className="hd-sr-only">{t("common.actions")}</span>,
      key: "actions",
      width: 100,
      render: (_, member) => (
        <Space size={0}>
          <Tooltip title={t("common.edit")}>
            <Button
              type="text"
              icon={<EditOutlined />}
              aria-label={`${t("common.edit")}: ${member.personName}`}
              onClick={() => setModal({ kind: "edit", member })}
            />
          </Tooltip>
          {isCurrent(member) && (
            <Tooltip title={t("committee.end")}>
              <Button
                type="text"
                danger
                icon={<StopOutlined />}
                aria-label={`${t("committee.end")}: ${member.personName}`}
                onClick={() => setModal({ kind: "end", member })}
              />
            </Tooltip>
          )}
        </Space>
      ),
    });
  }

  const committeeList = committees.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t("committee.title")}
        description={t("committee.description")}
        actions={
          canEdit &&
          committeeId && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setModal({ kind: "add", committeeId })}
            >
              {t("committee.add")}
            </Button>
          )
        }
      />
      <Card>
        {committees.error && <Alert type="error" showIcon title={committees.error} className="hd-mb" />}
        <div className="hd-filters">
          {committeeList.length > 1 && (
            <Select
              aria-label={t("committee.committee")}
              value={committeeId}
              onChange={setCommitteeId}
              options={committeeList.map((c) => ({ value: c.id, label: c.name }))}
              className="hd-filter-unit"
            />
          )}
          {committeeList.length === 1 && <span className="hd-strong">{committeeList[0]?.name}</span>}
          <span className="hd-inline-switch">
            <Switch id="show-ended" size="small" checked={showEnded} onChange={setShowEnded} />
            <label htmlFor="show-ended">{t("committee.showEnded")}</label>
          </span>
        </div>
        {members.error && <Alert type="error" showIcon title={members.error} className="hd-mb" />}
        {!committees.loading && committeeList.length === 0 ? (
          <Empty description={t("committee.noCommittee")} />
        ) : (
          <Table<CommitteeMember>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={members.loading || committees.loading}
            pagination={false}
            size="middle"
          />
        )}
      </Card>
      <MemberFormModal
        mode={modal}
        onClose={() => setModal(null)}
        onSaved={() => {
          setModal(null);
          members.reload();
        }}
      />
    </>
  );
}
