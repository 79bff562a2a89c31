/** Tables of training courses (lớp bồi dưỡng) and entries to the national external-information award. */

export interface TrainingCourseTable {
  id: string;
  title: string;
  start_date: string;
  end_date: string;
  location: string | null;
  /** Topics, one a line. */
  topics: string;
  /** Trainers (báo cáo viên), one a line. */
  trainers: string;
  folded_text: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingParticipantTable {
  course_id: string;
  person_id: string;
  /** 1 when the person attended (có mặt). */
  attended: number;
}

export interface TrainingMaterialTable {
  id: string;
  course_id: string;
  file_id: string;
  title: string;
  created_by: string | null;
  created_at: string;
}

export interface AwardEntryTable {
  id: string;
  title: string;
  /** Authors, as written on the entry form. */
  authors: string;
  /** Category (thể loại): press, television, radio, book, photo, online, other. */
  category: string;
  /** Round of the award ("Lần thứ X"). */
  round: string;
  year: number;
  submitted_on: string | null;
  /** pending | not_awarded | a | b | c | consolation */
  result: string;
  folded_text: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingTables {
  training_courses: TrainingCourseTable;
  training_participants: TrainingParticipantTable;
  training_materials: TrainingMaterialTable;
  award_entries: AwardEntryTable;
}
