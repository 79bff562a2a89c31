/**
 * i18next set-up: Vietnamese first, English second. The chosen language is remembered in localStorage,
 * mirrored on `<html lang>`, in dayjs, and in the API client's `Accept-Language`.
 */
import dayjs from "dayjs";
import "dayjs/locale/vi";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setApiLanguage } from "../api/client";
import en from "./en.json";
import vi from "./vi.json";

export const LANGUAGES = ["vi", "en"] as const;

type Messages = { [key: string]: unknown };

/**
 * A feature may keep its own messages in `features/<name>/locales/{vi,en}.json`, each file holding one
 * top-level key (its namespace in `translation`), so that features added side by side never edit the
 * same file. They are merged over the shared files at start.
 */
const featureLocales = import.meta.glob<Messages>("../features/*/locales/*.json", {
  eager: true,
  import: "default",
});

function withFeatureMessages(base: Messages, lang: string): Messages {
  const merged: Messages = { ...base };
  for (const [file, messages] of Object.entries(featureLocales)) {
    if (!file.endsWith(`/${lang}.json`)) continue;
    for (const [key, value] of Object.entries(messages)) {
      if (Object.hasOwn(merged, key)) throw new Error(`i18n: ${file} redefines the key "${key}"`);
      merged[key] = value;
    }
  }
  return merged;
}
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "haidang.lang";

function isLanguage(value: unknown): value is Language {
  return value === "vi" || value === "en";
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : "vi";
  } catch {
    return "vi";
  }
}

function applyLanguage(lang: Language): void {
  document.documentElement.lang = lang;
  dayjs.locale(lang === "vi" ? "vi" : "en");
  setApiLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : "vi";
}

export async function initI18n(): Promise<typeof i18n> {
  const lng = storedLanguage();
  applyLanguage(lng);
  i18n.on("languageChanged", (next) => {
    if (isLanguage(next)) applyLanguage(next);
  });
  await i18n.use(initReactI18next).init({
    resources: {
      vi: { translation: withFeatureMessages(vi, "vi") },
      en: { translation: withFeatureMessages(en, "en") },
    },
    lng,
    fallbackLng: "vi",
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

export default i18n;
