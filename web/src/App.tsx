// The page: a header with the language switch, and two tabs — one patient (form and preview) and a batch
// (CSV upload). The catalog (medicines, regimens, languages, brands) comes from the server once.
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CatalogResponse, fetchCatalog } from "./api.ts";
import { BatchTab } from "./batch/BatchTab.tsx";
import { changeUiLanguage, UI_LANGUAGES } from "./i18n/setup.ts";
import { OrderTab } from "./order/OrderTab.tsx";
import { ReviewTab } from "./review/ReviewTab.tsx";

const TABS = ["order", "batch", "review"] as const;
type Tab = (typeof TABS)[number];

export function App() {
  const { t, i18n } = useTranslation();
  const [catalog, setCatalog] = useState<CatalogResponse>();
  const [failed, setFailed] = useState(false);
  const [tab, setTab] = useState<Tab>("order");
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ order: null, batch: null, review: null });

  useEffect(() => {
    fetchCatalog().then(setCatalog, () => setFailed(true));
  }, []);

  /** Arrow keys move between the tabs, as in any tab list. */
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] as Tab;
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="app-header">
        <div className="title">
          <h1>{t("app.title")}</h1>
          <p className="subtitle">{t("app.subtitle")}</p>
        </div>
        <fieldset className="language-switch">
          <legend>{t("app.uiLanguage")}</legend>
          {UI_LANGUAGES.map((language) => (
            <button
              key={language.code}
              type="button"
              lang={language.code}
              aria-pressed={i18n.language === language.code}
              onClick={() => changeUiLanguage(language.code)}
            >
              {language.name}
            </button>
          ))}
        </fieldset>
      </header>
      <main id="main">
        {failed ? (
          <p className="problem-box" role="alert">
            {t("app.noServer")}
          </p>
        ) : !catalog ? (
          <p role="status">{t("app.loading")}</p>
        ) : (
          <>
            <div className="tabs" role="tablist" aria-label={t("app.tabs")}>
              {TABS.map((name) => (
                <button
                  key={name}
                  ref={(element) => {
                    tabRefs.current[name] = element;
                  }}
                  type="button"
                  role="tab"
                  id={`tab-${name}`}
                  aria-selected={tab === name}
                  aria-controls={`panel-${name}`}
                  tabIndex={tab === name ? 0 : -1}
                  onClick={() => setTab(name)}
                  onKeyDown={onTabKey}
                >
                  {t(`app.tab.${name}`)}
                </button>
              ))}
            </div>
            <div role="tabpanel" id="panel-order" aria-labelledby="tab-order" hidden={tab !== "order"}>
              <OrderTab catalog={catalog} />
            </div>
            <div role="tabpanel" id="panel-batch" aria-labelledby="tab-batch" hidden={tab !== "batch"}>
              <BatchTab catalog={catalog} />
            </div>
            <div role="tabpanel" id="panel-review" aria-labelledby="tab-review" hidden={tab !== "review"}>
              {tab === "review" && <ReviewTab catalog={catalog} />}
            </div>
          </>
        )}
      </main>
      <footer className="app-footer">
        <p>{t("app.privacy")}</p>
      </footer>
    </>
  );
}
