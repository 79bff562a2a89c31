/**
 * Default tone lexicon and "check: possibly false or distorted" lexicon. DATA: seeded into the database and
 * edited by admins. Terms match as phrases on accent-folded, lower-cased text — so avoid one-syllable
 * Vietnamese terms: folded, they collide ("bão" storm → "bao" how much, "đảo" island → "dao" in "lãnh đạo").
 */

/** A weighted term (weight 1 mild … 3 strong). */
export interface LexiconTerm {
  term: string;
  weight: number;
}

/** Words that tilt a text positive or negative. */
export interface ToneLexicon {
  positive: LexiconTerm[];
  negative: LexiconTerm[];
  /** Words that invert the polarity of the term right after them ("không hiệu quả", "not successful"). */
  negators: string[];
  /** |score| at or above which a text is positive/negative rather than neutral. */
  threshold: number;
}

/** Terms and source lists that make an item worth a human check for false or distorted information. */
export interface FalseInfoLexicon {
  /** Typical wording of distorted or hostile content. */
  terms: LexiconTerm[];
  /** Sum of weights at or above which the flag is raised. */
  threshold: number;
  /** Source ids (from the sources table) that always raise the flag. */
  watchedSourceIds: string[];
  /** Hostnames (lower-case) that always raise the flag. */
  watchedHosts: string[];
}

const w = (weight: number, ...terms: string[]): LexiconTerm[] => terms.map((term) => ({ term, weight }));

/** Default tone lexicon (Vietnamese and English). */
export const DEFAULT_TONE_LEXICON: ToneLexicon = {
  positive: [
    ...w(
      2,
      "thành công",
      "phát triển mạnh",
      "kỷ lục",
      "hiệu quả",
      "ấn tượng",
      "tích cực",
      "nổi bật",
      "tăng trưởng",
      "vinh danh",
      "giải thưởng",
      "hấp dẫn",
    ),
    ...w(
      1,
      "thuận lợi",
      "hợp tác",
      "hữu nghị",
      "phát triển",
      "chào đón",
      "chào mừng",
      "tự hào",
      "sôi động",
      "tươi đẹp",
      "an toàn",
    ),
    ...w(
      2,
      "success",
      "successful",
      "record",
      "impressive",
      "thriving",
      "booming",
      "award",
      "praised",
      "growth",
      "attractive",
    ),
    ...w(
      1,
      "welcome",
      "welcomed",
      "beautiful",
      "friendly",
      "improve",
      "improved",
      "boost",
      "celebrate",
      "celebrates",
      "safe",
    ),
  ],
  negative: [
    ...w(
      2,
      "thảm họa",
      "sự cố",
      "ô nhiễm",
      "tham nhũng",
      "tai nạn",
      "thiệt hại",
      "bê bối",
      "vi phạm",
      "sai phạm",
      "biểu tình",
      "đàn áp",
      "tử vong",
    ),
    ...w(
      1,
      "chậm trễ",
      "ùn tắc",
      "khó khăn",
      "suy giảm",
      "lo ngại",
      "bức xúc",
      "thua lỗ",
      "hỏa hoạn",
      "cơn bão",
      "ngập lụt",
    ),
    ...w(
      2,
      "disaster",
      "pollution",
      "corruption",
      "accident",
      "scandal",
      "crackdown",
      "protest",
      "killed",
      "dead",
      "violation",
    ),
    ...w(
      1,
      "delay",
      "delays",
      "congestion",
      "decline",
      "concern",
      "concerns",
      "loss",
      "losses",
      "fire",
      "storm",
      "flooding",
    ),
  ],
  negators: ["không", "chưa", "chẳng", "thiếu", "not", "never", "lack of"],
  threshold: 2,
};

/** Default false-information lexicon (Vietnamese and English). Watch-lists start empty: admins fill them. */
export const DEFAULT_FALSE_INFO_LEXICON: FalseInfoLexicon = {
  terms: [
    ...w(
      3,
      "sự thật bị che giấu",
      "chế độ độc tài",
      "nhà cầm quyền cộng sản",
      "bán nước",
      "dân oan",
      "cover-up",
      "communist regime",
      "hidden truth",
    ),
    ...w(
      2,
      "tin đồn",
      "nguồn tin giấu tên",
      "chưa được kiểm chứng",
      "cướp đất",
      "đàn áp",
      "rumour",
      "rumor",
      "unverified",
      "anonymous sources",
      "land grab",
      "crackdown",
      "regime",
    ),
    ...w(1, "nghe nói", "lan truyền trên mạng", "viral", "allegedly", "claims"),
  ],
  threshold: 3,
  watchedSourceIds: [],
  watchedHosts: [],
};
