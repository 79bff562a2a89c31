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
