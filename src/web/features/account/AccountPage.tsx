import { Card, Col, Descriptions, Row, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { useAuth } from "../auth/auth-context";
import { PasskeysCard } from "../mfa/PasskeysCard";
import { SecondFactorCard } from "../mfa/SecondFactorCard";
import { ChangePasswordCard } from "./ChangePasswordCard";
import { SessionsCard } from "./SessionsCard";

export default function AccountPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <>
      <PageHeader title={t("account.title")} description={t("account.description")} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card title={<h2 className="hd-card-title">{t("account.profile")}</h2>} className="hd-mb">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("users.displayName")}>{user?.displayName}</Descriptions.Item>
              <Descriptions.Item label={t("users.email")}>{user?.email}</Descriptions.Item>
              <Descriptions.Item label={t("users.roles")}>
                {user?.roles.map((role) => (
                  <Tag key={role} color="blue">
                    {t(`roles.${role}`)}
                  </Tag>
                ))}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <ChangePasswordCard />
          <SecondFactorCard />
        </Col>
        <Col xs={24} xl={15}>
          <PasskeysCard />
          <SessionsCard />
        </Col>
      </Row>
    </>
  );
}
