import { defineError } from "../../platform/errors.js";

/**
 * Typed errors of the media-monitoring libraries (feeds, fetch, extraction).
 * Codes are stable: the job runner stores them per source and the UI translates them.
 */
export const monitoringErrors = {
  /** The feed is not well-formed XML/JSON or is not a recognised feed format. */
  feedMalformed: defineError({
    code: "feed_malformed",
    status: 422,
    vi: "Nguồn tin (feed) không đúng định dạng",
    en: "The feed is malformed or not a recognised format",
  }),
  /** The feed declares entities (DOCTYPE internal subset), the vector of "billion laughs" attacks. */
  feedEntityExpansion: defineError({
    code: "feed_entity_expansion",
    status: 422,
    vi: "Nguồn tin chứa khai báo thực thể (entity) không được phép",
    en: "The feed declares XML entities, which are refused",
  }),
  /** The feed text exceeds the configured size limit. */
  feedTooLarge: defineError({
    code: "feed_too_large",
    status: 413,
    vi: "Nguồn tin quá lớn",
    en: "The feed is too large",
  }),
  /** The OPML document could not be read. */
  opmlMalformed: defineError({
    code: "opml_malformed",
    status: 422,
    vi: "Tệp OPML không đúng định dạng",
    en: "The OPML file is malformed",
  }),
  /** The target resolves to a loopback, private, link-local, multicast or otherwise non-public address. */
  fetchBlockedAddress: defineError({
    code: "fetch_blocked_address",
    status: 403,
    vi: "Địa chỉ đích không được phép truy cập (mạng nội bộ)",
    en: "The target address is not allowed (non-public network)",
  }),
  /** Connect or total deadline exceeded. */
  fetchTimeout: defineError({
    code: "fetch_timeout",
    status: 504,
    vi: "Hết thời gian chờ khi tải nội dung",
    en: "Timed out while fetching",
  }),
  /** Body (raw or decompressed) exceeded the size cap. */
  fetchTooLarge: defineError({
    code: "fetch_too_large",
    status: 413,
    vi: "Nội dung tải về vượt quá giới hạn dung lượng",
    en: "The response exceeds the size limit",
  }),
  /** Too many redirects, or a redirect loop. */
  fetchTooManyRedirects: defineError({
    code: "fetch_too_many_redirects",
    status: 508,
    vi: "Chuyển hướng quá nhiều lần hoặc bị lặp",
    en: "Too many redirects or a redirect loop",
  }),
  /** The server answered with an unexpected HTTP status. */
  fetchHttpStatus: defineError({
    code: "fetch_http_status",
    status: 502,
    vi: "Máy chủ nguồn trả về mã lỗi HTTP",
    en: "The source server answered with an error status",
  }),
  /** robots.txt of the host disallows the path for our User-Agent. */
  fetchRobotsDisallowed: defineError({
    code: "fetch_robots_disallowed",
    status: 403,
    vi: "Trang nguồn không cho phép thu thập (robots.txt)",
    en: "Fetching is disallowed by robots.txt",
  }),
  /** The URL is not http(s) or cannot be parsed. */
  fetchInvalidUrl: defineError({
    code: "fetch_invalid_url",
    status: 400,
    vi: "Địa chỉ URL không hợp lệ",
    en: "Invalid URL",
  }),
  /** Network failure (DNS, connection reset, TLS). */
  fetchNetwork: defineError({
    code: "fetch_network_error",
    status: 502,
    vi: "Lỗi kết nối mạng khi tải nội dung",
    en: "Network error while fetching",
  }),
};

/** Errors of the monitoring service layer (sources, items, search, alerts, cases). */
export const monitoringServiceErrors = {
  sourceNotFound: defineError({
    code: "monitoring_source_not_found",
    status: 404,
    vi: "Không tìm thấy nguồn tin",
    en: "Monitoring source not found",
  }),
  sourceDuplicateUrl: defineError({
    code: "monitoring_source_duplicate_url",
    status: 409,
    vi: "Đã có nguồn tin với địa chỉ này",
    en: "A source with this URL already exists",
  }),
  sourceNeedsUrl: defineError({
    code: "monitoring_source_url_required",
    status: 400,
    vi: "Nguồn tin dạng feed cần có địa chỉ URL",
    en: "A feed source needs a URL",
  }),
  itemNotFound: defineError({
    code: "monitoring_item_not_found",
    status: 404,
    vi: "Không tìm thấy tin bài",
    en: "Item not found",
  }),
  storyNotFound: defineError({
    code: "monitoring_story_not_found",
    status: 404,
    vi: "Không tìm thấy sự kiện (nhóm tin)",
    en: "Story not found",
  }),
  queryInvalid: defineError({
    code: "monitoring_query_invalid",
    status: 400,
    vi: "Câu truy vấn tìm kiếm không hợp lệ",
    en: "Invalid search query",
  }),
  savedSearchNotFound: defineError({
    code: "monitoring_saved_search_not_found",
    status: 404,
    vi: "Không tìm thấy tìm kiếm đã lưu",
    en: "Saved search not found",
  }),
  caseNotFound: defineError({
    code: "monitoring_case_not_found",
    status: 404,
    vi: "Không tìm thấy hồ sơ xử lý",
    en: "Response case not found",
  }),
  caseNeedsSubject: defineError({
    code: "monitoring_case_subject_required",
    status: 400,
    vi: "Hồ sơ xử lý cần gắn với một tin bài hoặc một sự kiện",
    en: "A case must be opened from an item or a story",
  }),
  taskNotFound: defineError({
    code: "monitoring_case_task_not_found",
    status: 400,
    vi: "Không tìm thấy nhiệm vụ của chương trình",
    en: "Programme task not found",
  }),
  assigneeNotFound: defineError({
    code: "monitoring_case_assignee_not_found",
    status: 400,
    vi: "Không tìm thấy người hoặc đơn vị được giao",
    en: "Assignee (person or unit) not found",
  }),
  versionConflict: defineError({
    code: "monitoring_version_conflict",
    status: 409,
    vi: "Hồ sơ đã được người khác sửa, hãy tải lại",
    en: "The record was changed by someone else; reload it",
  }),
  dictionaryInvalid: defineError({
    code: "monitoring_dictionary_invalid",
    status: 400,
    vi: "Từ điển không hợp lệ",
    en: "Invalid dictionary",
  }),
  fileUnreadable: defineError({
    code: "monitoring_file_unreadable",
    status: 400,
    vi: "Không đọc được tệp",
    en: "Cannot read the file",
  }),
};
