/** Tables of the budget proposals register (đề xuất kinh phí) and their documents. */

export interface BudgetItemTable {
  id: string;
  title: string;
  /** Folded title and description for accent-insensitive search. */
  folded_text: string;
  year: number;
  description: string | null;
  /** Proposing unit (đơn vị đề xuất). */
  unit_id: string | null;
  /** proposed | approved | disbursed (đề xuất, được duyệt, đã giải ngân). */
  status: string;
  /** Whole đồng. */
  proposed_amount: number;
  approved_amount: number | null;
  disbursed_amount: number | null;
  proposed_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface BudgetItemDocumentTable {
  id: string;
  budget_item_id: string;
  /** The stored file (`stored_files`), kept once per content. */
  file_id: string;
  /** The name it was uploaded under. */
  file_name: string;
  title: string;
  created_by: string | null;
  created_at: string;
}

export interface BudgetTables {
  budget_items: BudgetItemTable;
  budget_item_documents: BudgetItemDocumentTable;
}
