import {
  CalendarOutlined,
  DownloadOutlined,
  LeftOutlined,
  PlusOutlined,
  RightOutlined,
} from "@ant-design/icons";
import {
  Alert,
  Button,
  Calendar,
  Card,
  Checkbox,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { EVENT_KINDS, type EventDto, type Occurrence } from "../../../shared/api/events";
import { solarToLunar } from "../../../shared/calendar/lunar-calendar";
import { PageHeader } from "../../components/PageHeader";
import { useApiData } from "../../components/use-api-data";
import { useAuth } from "../auth/auth-context";
import { CalendarFeedsModal } from "./CalendarFeedsModal";
import { EventFormDrawer } from "./EventFormDrawer";
import { eventsApi } from "./events-api";
import "./events.css";

type View = "month" | "week" | "list";
const EVENT_MANAGERS = ["admin", "secretariat"] as const;
/** Rows of the list view asked at a time (the server pages the range). */
const LIST_PAGE_SIZE = 50;

/** The range a view shows around its anchor day. */
function rangeOf(view: View, anchor: Dayjs): { from: Dayjs; to: Dayjs } {
  if (view === "week") {
    const monday = anchor.subtract((anchor.day() + 6) % 7, "day");
    return { from: monday, to: monday.add(6, "day") };
  }
  if (view === "list")
    return { from: anchor.startOf("month"), to: anchor.startOf("month").add(2, "month").endOf("month") };
  return { from: anchor.startOf("month"), to: anchor.endOf("month") };
}

/** "16/4" for most days, "1/5 Ất Tỵ"-style month starts: the lunar day as printed on Vietnamese calendars. */
function lunarCellLabel(day: Dayjs): string {
  const lunar = solarToLunar(day.format("YYYY-MM-DD"));
  return lunar.day === 1 ? `${lunar.day}/${lunar.month}${lunar.leap ? "N" : ""}` : String(lunar.day);
}

function OccurrenceTag({ o, onOpen }: { o: Occurrence; onOpen(id: string): void }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={`${o.label} — ${t("events.lunarShort")} ${o.lunarLabel}`}>
      <button type="button" className={`hd-event-chip hd-event-${o.kind}`} onClick={() => onOpen(o.eventId)}>
        {o.isRoundAnniversary && <span className="hd-event-round">{o.anniversary}</span>}
        {o.title}
      </button>
    </Tooltip>
  );
}

/** Events and anniversaries on the solar and lunar calendars: month, week and list views. */
export default function EventsCalendarPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const canManage = hasRole(...EVENT_MANAGERS);
  const [params, setParams] = useSearchParams();
  const view = (
    ["month", "week", "list"].includes(params.get("view") ?? "") ? params.get("view") : "month"
  ) as View;
  const anchor = dayjs(params.get("date") ?? undefined).isValid()
    ? dayjs(params.get("date") ?? undefined)
    : dayjs();
  const q = params.get("q") ?? "";
  const kind = params.get("kind") ?? undefined;
  const roundOnly = params.get("round") === "1";
  const listPage = Math.max(1, Number(params.get("page")) || 1);
  const { from, to } = rangeOf(view, anchor);
  const fromDay = from.format("YYYY-MM-DD");
  const toDay = to.format("YYYY-MM-DD");
  const filter = useMemo(
    () => ({
      from: fromDay,
      to: toDay,
      q: q || undefined,
      kind,
      roundOnly,
      ...(view === "list" && { page: listPage, pageSize: LIST_PAGE_SIZE }),
    }),
    [fromDay, toDay, q, kind, roundOnly, view, listPage],
  );
  const load = useCallback((signal: AbortSignal) => eventsApi.occurrences(filter, signal), [filter]);
  const data = useApiData(load);
  const [editing, setEditing] = useState<{ event: EventDto | null; date: string | null } | null>(null);
  const [feedsOpen, setFeedsOpen] = useState(false);

  const byDay = useMemo(() => {
    const map = new Map<string, Occurrence[]>();
    for (const o of data.data?.items ?? []) {
      for (let d = dayjs(o.startDate); !d.isAfter(dayjs(o.endDate)); d = d.add(1, "day")) {
        const key = d.format("YYYY-MM-DD");
        map.set(key, [...(map.get(key) ?? []), o]);
      }
    }
    return map;
  }, [data.data]);

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    // Another range, view or filter starts again at the list's first page.
    if (!("page" in changes)) next.delete("page");
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const move = (step: number) =>
    set({ date: anchor.add(step, view === "week" ? "week" : "month").format("YYYY-MM-DD") });
  const open = async (id: string) => setEditing({ event: await eventsApi.get(id), date: null });
  const onOpen = (id: string) => {
    if (canManage) void open(id);
  };

  const dayCell = (day: Dayjs, inRange: boolean) => {
    const list = byDay.get(day.format("YYYY-MM-DD")) ?? [];
    return (
      <div className="hd-event-cell">
        <span className="hd-lunar-day" title={t("events.lunarShort")}>
          {lunarCellLabel(day)}
        </span>
        {inRange &&
          list.map((o) => <OccurrenceTag key={`${o.eventId}-${o.startDate}`} o={o} onOpen={onOpen} />)}
      </div>
    );
  };

  const title =
    view === "week"
      ? `${from.format("DD/MM")} – ${to.format("DD/MM/YYYY")}`
      : t("events.monthTitle", { month: anchor.month() + 1, year: anchor.year() });

  return (
    <>
      <PageHeader
        title={t("nav.events")}
        description={t("events.intro")}
        actions={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => eventsApi.exportIcs(filter)}>
              {t("events.exportIcs")}
            </Button>
            <Button icon={<CalendarOutlined />} onClick={() => setFeedsOpen(true)}>
              {t("events.feeds.button")}
            </Button>
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ event: null, date: null })}
              >
                {t("events.add")}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="hd-mb">
        <Space wrap className="hd-events-toolbar">
          <Segmented
            value={view}
            onChange={(v) => set({ view: String(v) })}
            options={[
              { value: "month", label: t("events.views.month") },
              { value: "week", label: t("events.views.week") },
              { value: "list", label: t("events.views.list") },
            ]}
          />
          <Space.Compact>
            <Button aria-label={t("events.previous")} icon={<LeftOutlined />} onClick={() => move(-1)} />
            <Button onClick={() => set({ date: null })}>{t("events.today")}</Button>
            <Button aria-label={t("events.next")} icon={<RightOutlined />} onClick={() => move(1)} />
          </Space.Compact>
          <Typography.Text strong>{title}</Typography.Text>
          <Input.Search
            allowClear
            aria-label={t("events.search")}
            placeholder={t("events.search")}
            defaultValue={q}
            onSearch={(value) => set({ q: value })}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            aria-label={t("events.fields.kind")}
            placeholder={t("events.allKinds")}
            value={kind}
            onChange={(value?: string) => set({ kind: value ?? null })}
            options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
            style={{ width: 200 }}
          />
          <Checkbox checked={roundOnly} onChange={(e) => set({ round: e.target.checked ? "1" : null })}>
            {t("events.roundOnly")}
          </Checkbox>
        </Space>
      </Card>
      {data.error && <Alert type="error" showIcon title={data.error} className="hd-mb" />}
      {view === "month" && (
        <Card loading={data.loading && !data.data} className="hd-events-month">
          <Calendar
            value={anchor}
            headerRender={() => null}
            onSelect={(day, info) => {
              if (info.source === "date" && canManage)
                setEditing({ event: null, date: day.format("YYYY-MM-DD") });
            }}
            fullCellRender={(day, info) =>
              info.type === "date" ? (
                <div className={`hd-event-day${day.isSame(anchor, "month") ? "" : " hd-event-day-out"}`}>
                  <div className="hd-event-day-number">{day.date()}</div>
                  {dayCell(day, day.isSame(anchor, "month"))}
                </div>
              ) : (
                info.originNode
              )
            }
          />
        </Card>
      )}
      {view === "week" && (
        <div className="hd-event-week">
          {Array.from({ length: 7 }, (_, i) => from.add(i, "day")).map((day) => (
            <Card key={day.format("YYYY-MM-DD")} size="small" title={day.format("dd DD/MM")}>
              {dayCell(day, true)}
            </Card>
          ))}
        </div>
      )}
      {view === "list" && (
        <Table<Occurrence>
          rowKey={(o) => `${o.eventId}-${o.startDate}`}
          loading={data.loading}
          dataSource={data.data?.items ?? []}
          pagination={{
            current: listPage,
            pageSize: LIST_PAGE_SIZE,
            total: data.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: (page) => set({ page: page > 1 ? String(page) : null }),
          }}
          columns={[
            {
              title: t("events.fields.days"),
              render: (_, o) =>
                o.startDate === o.endDate
                  ? dayjs(o.startDate).format("DD/MM/YYYY")
                  : `${dayjs(o.startDate).format("DD/MM")} – ${dayjs(o.endDate).format("DD/MM/YYYY")}`,
              width: 160,
            },
            { title: t("events.lunar"), dataIndex: "lunarLabel", width: 140 },
            {
              title: t("events.fields.title"),
              render: (_, o) => (
                <Space wrap>
                  {canManage ? (
                    <Typography.Link onClick={() => onOpen(o.eventId)}>{o.label}</Typography.Link>
                  ) : (
                    o.label
                  )}
                  {o.isRoundAnniversary && (
                    <Tag color="red">{t("events.round", { years: o.anniversary })}</Tag>
                  )}
                </Space>
              ),
            },
            { title: t("events.fields.kind"), render: (_, o) => t(`events.kinds.${o.kind}`), width: 160 },
            { title: t("events.fields.location"), dataIndex: "location", width: 200 },
          ]}
        />
      )}
      <EventFormDrawer
        open={editing !== null}
        event={editing?.event ?? null}
        initialDate={editing?.date ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          data.reload();
        }}
      />
      <CalendarFeedsModal open={feedsOpen} onClose={() => setFeedsOpen(false)} />
    </>
  );
}
