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
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: "vi",
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

export default i18n;
