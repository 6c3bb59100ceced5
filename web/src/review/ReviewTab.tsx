// The review page: choose medicine, language and section; the source and the translation side by side,
// string by string, numbers and units highlighted in both; the validator's findings; approve or reject
// with a note and the reviewer's name. Decisions go through the same library as `leaflets review`.
import { type FormEvent, Fragment, type ReactNode, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CatalogResponse } from "../api.ts";
import {
  type Comparison,
  fetchSection,
  fetchStatus,
  type Problem,
  postDecision,
  type SectionRow,
} from "./reviewApi.ts";

/** Numbers (with decimals) and the units the validator checks, marked so they stand out in both columns. */
const FIGURE = /(\d+(?:[.,]\d+)?(?:\s?(?:mg\/m²|PFU\/mL|mg|mL|%))?|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\{\{[^}]+\}\})/g;

function highlight(text: string | null): ReactNode {
  if (text === null) return <em>—</em>;
  return text.split(FIGURE).map((part, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed string
    i % 2 === 1 ? <mark key={i}>{part}</mark> : <Fragment key={i}>{part}</Fragment>,
  );
}

export function ReviewTab({ catalog }: { catalog: CatalogResponse }) {
  const { t } = useTranslation();
  const drugs = catalog.drugs.map((d) => d.id);
  const languages = catalog.languages.map((l) => l.code);
  const [drug, setDrug] = useState(drugs[0] ?? "");
  const [lang, setLang] = useState(languages.includes("fr") ? "fr" : (languages[0] ?? ""));
  const [sections, setSections] = useState<SectionRow[]>([]);
  const [section, setSection] = useState("");
  const [comparison, setComparison] = useState<Comparison>();
  const [by, setBy] = useState("");
  const [note, setNote] = useState("");
  const [override, setOverride] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);

  const reload = useCallback(async () => {
    const list = await fetchStatus(lang, drug);
    setSections(list);
    setSection((current) => (list.some((s) => s.section === current) ? current : (list[0]?.section ?? "")));
  }, [lang, drug]);

  useEffect(() => {
    reload().catch(() => setSections([]));
  }, [reload]);

  useEffect(() => {
    if (!section) return;
    fetchSection(lang, drug, section).then(setComparison, () => setComparison(undefined));
  }, [lang, drug, section]);

  const decide = (decision: "approve" | "reject") => async (event?: FormEvent) => {
    event?.preventDefault();
    const body: Record<string, string> = { decision, language: lang, drug, section, by, note };
    if (override) body.override = override;
    const found = await postDecision(body);
    setProblems(found);
    if (found.length === 0) {
      await reload();
      setComparison(await fetchSection(lang, drug, section));
    }
  };

  const current = sections.find((s) => s.section === section);
  return (
    <section className="review" aria-label={t("review.title")}>
      <h2>{t("review.title")}</h2>
      <div className="review-choice">
        <label htmlFor="review-drug">{t("review.drug")}</label>
        <select id="review-drug" value={drug} onChange={(e) => setDrug(e.target.value)}>
          {drugs.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
        <label htmlFor="review-language">{t("review.language")}</label>
        <select id="review-language" value={lang} onChange={(e) => setLang(e.target.value)}>
          {languages.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
        <label htmlFor="review-section">{t("review.section")}</label>
        <select id="review-section" value={section} onChange={(e) => setSection(e.target.value)}>
          {sections.map((s) => (
            <option key={s.section} value={s.section}>
              {s.section}
            </option>
          ))}
        </select>
      </div>
      <table className="review-status">
        <caption>{t("review.statusCaption")}</caption>
        <tbody>
          {sections.map((s) => (
            <tr key={s.section} data-section={s.section}>
              <th scope="row">{s.section}</th>
              <td className={`state state-${s.state}`}>{t(`review.state.${s.state}`)}</td>
              <td>
                {s.decision
                  ? `${s.decision.by}, ${s.decision.role}, ${s.decision.date}${s.decision.note ? ` — ${s.decision.note}` : ""}${s.decision.override ? ` (override: ${s.decision.override})` : ""}`
                  : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {comparison && current && (
        <>
          <table className="review-compare">
            <thead>
              <tr>
                <th scope="col">{t("review.key")}</th>
                <th scope="col">
                  {t("review.source")} ({comparison.sourceLanguage})
                </th>
                <th scope="col">
                  {t("review.translation")} ({lang})
                </th>
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((row) => (
                <tr key={row.key}>
                  <td>
                    <code>{row.key}</code>
                  </td>
                  <td>{highlight(row.source)}</td>
                  <td lang={lang}>{highlight(row.text)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t("review.findings")}</h3>
          {comparison.findings.length === 0 ? (
            <p>{t("review.noFindings")}</p>
          ) : (
            <ul className="problem-box">
              {comparison.findings.map((f) => (
                <li key={`${f.key}${f.message}`}>
                  <code>{f.key}</code>: {f.message}
                </li>
              ))}
            </ul>
          )}
          <form className="review-decision" onSubmit={decide("approve")}>
            <label htmlFor="review-by">{t("review.by")}</label>
            <input id="review-by" value={by} onChange={(e) => setBy(e.target.value)} maxLength={100} />
            <label htmlFor="review-note">{t("review.note")}</label>
            <input id="review-note" value={note} onChange={(e) => setNote(e.target.value)} />
            <label htmlFor="review-override">{t("review.override")}</label>
            <input id="review-override" value={override} onChange={(e) => setOverride(e.target.value)} />
            <button type="submit">{t("review.approve")}</button>
            <button type="button" onClick={() => decide("reject")()}>
              {t("review.reject")}
            </button>
          </form>
          {problems.length > 0 && (
            <ul className="problem-box" role="alert">
              {problems.map((p) => (
                <li key={`${p.field}${p.message}`}>{p.message}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
