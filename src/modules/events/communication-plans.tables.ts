/** The communication plan of an event (kế hoạch truyền thông): products, channels, units, deadlines. */

export interface EventPlanItemTable {
  id: string;
  event_id: string;
  /** The product (sản phẩm): "Phóng sự 15 phút", "Bộ ảnh", "Bài viết tiếng Anh". */
  product: string;
  /** Folded product, channel and note for accent-insensitive search. */
  folded_text: string;
  /** Channel (kênh): press, television, portal, social media, billboards… */
  channel: string;
  /** JSON array of language codes ("vi", "en", "zh"…). */
  languages_json: string;
  /** Responsible unit (đơn vị thực hiện): its people are reminded. */
  unit_id: string | null;
  /** YYYY-MM-DD. Kept here: a linked task's own due date is never changed by a plan. */
  deadline: string;
  /** A task this item is a milestone of (any row of the task's lineage). */
  task_id: string | null;
  done_on: string | null;
  note: string | null;
  /** The deadline the reminder was sent for: no second reminder after a restart or a retried job. */
  reminded_for: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventPlanTables {
  event_plan_items: EventPlanItemTable;
}
