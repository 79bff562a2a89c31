/** The public portal's own words in each of its languages (the content comes from the editors). */
import type { PortalLanguage } from "../shared/api/portal.js";

export interface PortalStrings {
  /** Name of the language in itself, for the language menu. */
  languageName: string;
  siteName: string;
  tagline: string;
  skipToContent: string;
  languagesLabel: string;
  searchLabel: string;
  searchButton: string;
  latest: string;
  noItems: string;
  resultsFor: (query: string, count: number) => string;
  searchHint: string;
  notFoundTitle: string;
  notFoundText: string;
  backHome: string;
  /** "This article is not yet available in English; shown in Vietnamese." */
  fallbackNotice: string;
  inVietnamese: string;
  publishedOn: string;
  rss: string;
  openMedia: string;
  kinds: Record<"article" | "page" | "publication" | "video" | "infographic" | "album", string>;
}

export const PORTAL_STRINGS: Record<PortalLanguage, PortalStrings> = {
  vi: {
    languageName: "Tiếng Việt",
    siteName: "Cổng Thông tin đối ngoại thành phố Hải Phòng",
    tagline: "Thông tin chính thống về thành phố Cảng dành cho bạn bè quốc tế",
    skipToContent: "Chuyển đến nội dung chính",
    languagesLabel: "Ngôn ngữ",
    searchLabel: "Tìm kiếm",
    searchButton: "Tìm",
    latest: "Tin, bài mới",
    noItems: "Chưa có tin, bài nào.",
    resultsFor: (q, n) => `${n} kết quả cho “${q}”`,
    searchHint: "Nhập từ khóa để tìm tin, bài.",
    notFoundTitle: "Không tìm thấy trang",
    notFoundText: "Trang bạn tìm không có hoặc đã được gỡ.",
    backHome: "Về trang chủ",
    fallbackNotice: "Bài này chưa có bản tiếng Việt.",
    inVietnamese: "tiếng Việt",
    publishedOn: "Đăng ngày",
    rss: "Tin mới (RSS)",
    openMedia: "Mở tài liệu",
    kinds: {
      article: "Tin, bài",
      page: "Giới thiệu",
      publication: "Ấn phẩm",
      video: "Video",
      infographic: "Infographic",
      album: "Album ảnh",
    },
  },
  en: {
    languageName: "English",
    siteName: "Hai Phong External Information Portal",
    tagline: "Official news of the port city for friends around the world",
    skipToContent: "Skip to main content",
    languagesLabel: "Languages",
    searchLabel: "Search",
    searchButton: "Search",
    latest: "Latest news",
    noItems: "Nothing published yet.",
    resultsFor: (q, n) => `${n} result${n === 1 ? "" : "s"} for “${q}”`,
    searchHint: "Type a word to search the news.",
    notFoundTitle: "Page not found",
    notFoundText: "The page you are looking for does not exist or has been removed.",
    backHome: "Back to the home page",
    fallbackNotice: "This article is not yet available in English; shown in Vietnamese.",
    inVietnamese: "in Vietnamese",
    publishedOn: "Published",
    rss: "News feed (RSS)",
    openMedia: "Open the document",
    kinds: {
      article: "News",
      page: "About",
      publication: "Publication",
      video: "Video",
      infographic: "Infographic",
      album: "Photo album",
    },
  },
  zh: {
    languageName: "中文",
    siteName: "海防市对外信息门户网站",
    tagline: "面向国际友人的海防港口城市权威信息",
    skipToContent: "跳到主要内容",
    languagesLabel: "语言",
    searchLabel: "搜索",
    searchButton: "搜索",
    latest: "最新消息",
    noItems: "暂无内容。",
    resultsFor: (q, n) => `“${q}”的搜索结果：${n} 条`,
    searchHint: "请输入关键词搜索。",
    notFoundTitle: "页面未找到",
    notFoundText: "您要查找的页面不存在或已被删除。",
    backHome: "返回首页",
    fallbackNotice: "本文尚无中文版本；以下显示越南语原文。",
    inVietnamese: "越南语",
    publishedOn: "发布日期",
    rss: "新闻订阅（RSS）",
    openMedia: "打开文件",
    kinds: {
      article: "新闻",
      page: "介绍",
      publication: "出版物",
      video: "视频",
      infographic: "信息图",
      album: "相册",
    },
  },
  ja: {
    languageName: "日本語",
    siteName: "ハイフォン市対外情報ポータル",
    tagline: "港湾都市ハイフォンの公式情報を世界の皆様へ",
    skipToContent: "本文へ移動",
    languagesLabel: "言語",
    searchLabel: "検索",
    searchButton: "検索",
    latest: "新着情報",
    noItems: "まだ記事はありません。",
    resultsFor: (q, n) => `「${q}」の検索結果：${n}件`,
    searchHint: "キーワードを入力して検索してください。",
    notFoundTitle: "ページが見つかりません",
    notFoundText: "お探しのページは存在しないか、削除されました。",
    backHome: "トップページへ戻る",
    fallbackNotice: "この記事の日本語版はまだありません。ベトナム語で表示しています。",
    inVietnamese: "ベトナム語",
    publishedOn: "掲載日",
    rss: "ニュースフィード（RSS）",
    openMedia: "資料を開く",
    kinds: {
      article: "ニュース",
      page: "紹介",
      publication: "出版物",
      video: "動画",
      infographic: "インフォグラフィック",
      album: "写真アルバム",
    },
  },
  ko: {
    languageName: "한국어",
    siteName: "하이퐁시 대외정보 포털",
    tagline: "세계의 친구들에게 전하는 항구도시 하이퐁의 공식 소식",
    skipToContent: "본문으로 건너뛰기",
    languagesLabel: "언어",
    searchLabel: "검색",
    searchButton: "검색",
    latest: "최신 소식",
    noItems: "아직 게시된 글이 없습니다.",
    resultsFor: (q, n) => `“${q}” 검색 결과 ${n}건`,
    searchHint: "검색어를 입력하세요.",
    notFoundTitle: "페이지를 찾을 수 없습니다",
    notFoundText: "찾으시는 페이지가 없거나 삭제되었습니다.",
    backHome: "홈으로 돌아가기",
    fallbackNotice: "이 글은 아직 한국어로 제공되지 않아 베트남어로 표시합니다.",
    inVietnamese: "베트남어",
    publishedOn: "게시일",
    rss: "뉴스 피드(RSS)",
    openMedia: "자료 열기",
    kinds: {
      article: "뉴스",
      page: "소개",
      publication: "출판물",
      video: "동영상",
      infographic: "인포그래픽",
      album: "사진첩",
    },
  },
  fr: {
    languageName: "Français",
    siteName: "Portail d’information extérieure de Hai Phong",
    tagline: "Les informations officielles de la ville portuaire pour ses amis du monde entier",
    skipToContent: "Aller au contenu principal",
    languagesLabel: "Langues",
    searchLabel: "Rechercher",
    searchButton: "Rechercher",
    latest: "Actualités",
    noItems: "Aucun article publié pour l’instant.",
    resultsFor: (q, n) => `${n} résultat${n > 1 ? "s" : ""} pour « ${q} »`,
    searchHint: "Saisissez un mot pour rechercher.",
    notFoundTitle: "Page introuvable",
    notFoundText: "La page demandée n’existe pas ou a été retirée.",
    backHome: "Retour à l’accueil",
    fallbackNotice: "Cet article n’est pas encore disponible en français ; affiché en vietnamien.",
    inVietnamese: "en vietnamien",
    publishedOn: "Publié le",
    rss: "Fil d’actualité (RSS)",
    openMedia: "Ouvrir le document",
    kinds: {
      article: "Actualité",
      page: "Présentation",
      publication: "Publication",
      video: "Vidéo",
      infographic: "Infographie",
      album: "Album photo",
    },
  },
  ru: {
    languageName: "Русский",
    siteName: "Портал внешней информации города Хайфон",
    tagline: "Официальные новости портового города для друзей по всему миру",
    skipToContent: "Перейти к основному содержанию",
    languagesLabel: "Языки",
    searchLabel: "Поиск",
    searchButton: "Найти",
    latest: "Новости",
    noItems: "Пока ничего не опубликовано.",
    resultsFor: (q, n) => `Результаты поиска «${q}»: ${n}`,
    searchHint: "Введите слово для поиска.",
    notFoundTitle: "Страница не найдена",
    notFoundText: "Запрошенная страница не существует или была удалена.",
    backHome: "На главную",
    fallbackNotice: "Эта статья пока недоступна на русском языке; показана на вьетнамском.",
    inVietnamese: "на вьетнамском",
    publishedOn: "Опубликовано",
    rss: "Лента новостей (RSS)",
    openMedia: "Открыть документ",
    kinds: {
      article: "Новости",
      page: "О городе",
      publication: "Издание",
      video: "Видео",
      infographic: "Инфографика",
      album: "Фотоальбом",
    },
  },
};

/** Open Graph locale of each language. */
export const OG_LOCALES: Record<PortalLanguage, string> = {
  vi: "vi_VN",
  en: "en_US",
  zh: "zh_CN",
  ja: "ja_JP",
  ko: "ko_KR",
  fr: "fr_FR",
  ru: "ru_RU",
};

/** BCP 47 tag for hreflang and `<html lang>` (Chinese is simplified). */
export const HREFLANG: Record<PortalLanguage, string> = {
  vi: "vi",
  en: "en",
  zh: "zh-Hans",
  ja: "ja",
  ko: "ko",
  fr: "fr",
  ru: "ru",
};
