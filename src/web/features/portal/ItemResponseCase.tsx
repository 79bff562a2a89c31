/** On an item's page: the response case (hồ sơ xử lý) this item rebuts, if the secretariat linked one. */
import { Alert } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { ItemCase } from "../../../shared/api/portal-rebuttals";
import { api } from "../../api/client";
import { useApiData } from "../../components/use-api-data";

export function ItemResponseCase({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) =>
      api.get<ItemCase>(`/api/portal/items/${encodeURIComponent(itemId)}/response-case`, undefined, signal),
    [itemId],
  );
  const linked = useApiData(itemId ? load : null).data?.case;
  if (!linked) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="hd-mb"
      title={t("portal.rebuttal.rebuts", { title: linked.title })}
      description={t("portal.rebuttal.caseState", { state: t(`portal.rebuttal.states.${linked.state}`) })}
    />
  );
}
