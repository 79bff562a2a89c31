import { ApartmentOutlined, AuditOutlined, TeamOutlined } from "@ant-design/icons";
import { Card, Col, List, Row, Statistic, Tag, Typography } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api/client";
import type { Page } from "../api/types";
import { PageHeader } from "../components/PageHeader";
import { useApiData } from "../components/use-api-data";
import { useAuth } from "../features/auth/auth-context";

interface Counts {
  units: number;
  people: number;
}

async function loadCounts(signal: AbortSignal): Promise<Counts> {
  const [units, people] = await Promise.all([
    api.get<Page<unknown>>("/api/units", { isActive: true, pageSize: 1 }, signal),
    api.get<Page<unknown>>("/api/people", { pageSize: 1 }, signal),
  ]);
  return { units: units.total, people: people.total };
}

const ROADMAP = ["programmes", "followUp", "reports", "monitoring"] as const;

export function DashboardPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const counts = useApiData(useCallback(loadCounts, []));

  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        description={t("dashboard.welcome", { name: user?.displayName ?? "" })}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Link to="/directory/units" className="hd-stat-link">
              <Statistic
                title={t("dashboard.activeUnits")}
                value={counts.data?.units ?? "—"}
                loading={counts.loading}
                prefix={<ApartmentOutlined aria-hidden />}
              />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Link to="/directory/people" className="hd-stat-link">
              <Statistic
                title={t("dashboard.people")}
                value={counts.data?.people ?? "—"}
                loading={counts.loading}
                prefix={<TeamOutlined aria-hidden />}
              />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Link to="/account" className="hd-stat-link">
              <Statistic
                title={t("dashboard.signedInAs")}
                value={user?.email ?? ""}
                prefix={<AuditOutlined aria-hidden />}
                className="hd-stat-small"
              />
            </Link>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={<h2 className="hd-card-title">{t("dashboard.roadmapTitle")}</h2>}>
            <Typography.Paragraph type="secondary">{t("dashboard.roadmapIntro")}</Typography.Paragraph>
            <List
              dataSource={[...ROADMAP]}
              renderItem={(key) => (
                <List.Item extra={<Tag>{t("nav.soon")}</Tag>}>
                  <List.Item.Meta title={t(`nav.${key}`)} description={t(`dashboard.roadmap.${key}`)} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
