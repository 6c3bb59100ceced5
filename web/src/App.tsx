// The page: a header with the language switch, and two tabs — one patient (form and preview) and a batch
// (CSV upload), and for an administrator the audit trail. When the server asks for sign-in, the sign-in form
// comes first; the catalog (medicines, regimens, languages, brands) comes from the server once signed in.
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CatalogResponse, fetchCatalog } from "./api.ts";
import { BatchTab } from "./batch/BatchTab.tsx";
import { changeUiLanguage, UI_LANGUAGES } from "./i18n/setup.ts";
import { OrderTab } from "./order/OrderTab.tsx";
import { ReviewTab } from "./review/ReviewTab.tsx";
import { AuditTab } from "./session/AuditTab.tsx";
import { SignInForm } from "./session/SignInForm.tsx";
import { fetchSession, type SessionResponse, signOut } from "./session/sessionApi.ts";

const ALL_TABS = ["order", "batch", "review", "audit"] as const;
type Tab = (typeof ALL_TABS)[number];

export function App() {
  const { t, i18n } = useTranslation();
  const [catalog, setCatalog] = useState<CatalogResponse>();
  const [failed, setFailed] = useState(false);
  const [tab, setTab] = useState<Tab>("order");
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({
    order: null,
    batch: null,
    review: null,
    audit: null,
  });
  const [session, setSession] = useState<SessionResponse>();
  // Only what the role may do: the review page for pharmacists (and admins), the audit trail for admins.
  const TABS = ALL_TABS.filter((name) => {
    if (name === "audit") return session?.role === "admin" && session.signInRequired;
    if (name === "review") return !session?.signInRequired || session.role === "pharmacist" || session.role === "admin";
    return true;
  });

  const loadSession = useCallback(() => {
    fetchSession().then(setSession, () => setFailed(true));
  }, []);
  useEffect(loadSession, [loadSession]);
  useEffect(() => {
    if (session?.signedIn) fetchCatalog().then(setCatalog, () => setFailed(true));
  }, [session?.signedIn]);

  const leave = async () => {
    await signOut();
    setCatalog(undefined);
    setTab("order");
    loadSession();
  };

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
        {session?.signedIn && session.signInRequired ? (
          <div className="session-bar">
            <span>
              {t("session.signedInAs", { user: session.user, role: t(`session.role.${session.role ?? "nurse"}`) })}
            </span>
            {session.via === "session" ? (
              <button type="button" onClick={leave}>
                {t("session.signOut")}
              </button>
            ) : null}
          </div>
        ) : null}
      </header>
      <main id="main">
        {failed ? (
          <p className="problem-box" role="alert">
            {t("app.noServer")}
          </p>
        ) : session && !session.signedIn ? (
          <SignInForm onSignedIn={loadSession} />
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
                  {name === "audit" ? t("audit.tab") : t(`app.tab.${name}`)}
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
            {TABS.includes("audit") ? (
              <div role="tabpanel" id="panel-audit" aria-labelledby="tab-audit" hidden={tab !== "audit"}>
                {tab === "audit" ? <AuditTab /> : null}
              </div>
            ) : null}
          </>
        )}
      </main>
      <footer className="app-footer">
        <p>{session?.signInRequired ? t("session.privacy") : t("app.privacy")}</p>
      </footer>
    </>
  );
}
