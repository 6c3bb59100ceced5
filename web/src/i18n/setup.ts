// The page's own words in Dutch and English (i18next). The language a nurse picks is remembered in this
// browser; the first time, the browser's language decides. Leaflet texts come from the server, not from here.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import nl from "./nl.json";
import sessionEn from "./session.en.json";
import sessionNl from "./session.nl.json";

export const UI_LANGUAGES = [
  { code: "nl", name: "Nederlands" },
  { code: "en", name: "English" },
] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number]["code"];

const STORAGE_KEY = "leaflets.uiLanguage";

function initialLanguage(): UiLanguage {
  const saved = readSaved();
  if (saved === "nl" || saved === "en") return saved;
  return navigator.language.toLowerCase().startsWith("nl") ? "nl" : "en";
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function changeUiLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private windows may refuse; the choice then lasts for this visit.
  }
  void i18next.changeLanguage(language);
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: { ...en, ...sessionEn } }, nl: { translation: { ...nl, ...sessionNl } } },
  lng: initialLanguage(),
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  initAsync: false,
});

i18next.on("languageChanged", (language) => {
  document.documentElement.lang = language;
  document.title = i18next.t("app.title");
});
document.documentElement.lang = i18next.language;
document.title = i18next.t("app.title");
