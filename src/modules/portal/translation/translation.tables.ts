/** Tables of the portal's translation aids. */

export interface PortalGlossaryTable {
  id: string;
  lang: string;
  /** The Vietnamese term as written. */
  source_term: string;
  /** NFC, lower case, spaces collapsed: one entry per term and language. */
  source_key: string;
  target_term: string;
  /** JSON array of accepted variants. */
  variants_json: string;
  /** JSON array of renderings not to use. */
  forbidden_json: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PortalTranslationMemoryTable {
  id: string;
  lang: string;
  /** Words of the source, lower case, tones kept (`tmKey`). */
  source_key: string;
  source_text: string;
  target_text: string;
  word_count: number;
  item_id: string | null;
  unit_id: string | null;
  approved_by: string | null;
  created_at: string;
}

export interface PortalTranslationTables {
  portal_glossary: PortalGlossaryTable;
  portal_translation_memory: PortalTranslationMemoryTable;
}
