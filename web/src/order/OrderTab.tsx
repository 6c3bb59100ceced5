// One patient: the form on one side, the live preview with Print and Download on the other. Problems show
// beside a field once the nurse has been to it, or all of them when she asks to print or download.
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentKind, FieldProblem } from "../api.ts";
import { PdfViewer } from "../preview/PdfViewer.tsx";
import { downloadCalendar } from "../preview/saveCalendar.ts";
import { downloadPdf, printPdf } from "../preview/savePdf.ts";
import { recordPrinted } from "../session/sessionApi.ts";
import { fieldId } from "./Field.tsx";
import { type BadDates, type Catalog, type FormValues, initialValues, toOrder } from "./formValues.ts";
import { OrderForm } from "./OrderForm.tsx";
import { usePreview } from "./usePreview.ts";

/** Problems whose field has a place on the form (every order's own, and the medicine's); any other is listed above it. */
const COMMON_FORM_FIELDS = [
  "name",
  "patientId",
  "dateOfBirth",
  "drug",
  "regimen",
  "startDate",
  "language",
  "secondLanguage",
  "largePrint",
  "brand",
  "contact",
  "contact.nurseLine",
  "contact.emergency",
];

export function OrderTab({ catalog }: { catalog: Catalog }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<FormValues>(() => initialValues(catalog, i18n.language));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [badDates, setBadDates] = useState<BadDates>({});
  const [kind, setKind] = useState<DocumentKind>("leaflet");
  const order = useMemo(() => toOrder(catalog, values), [catalog, values]);
  const drug = catalog.drugs.find((d) => d.id === values.drug);
  const formFields = [...COMMON_FORM_FIELDS, ...(drug?.fields ?? []).map((f) => f.name)];
  const kinds = useMemo<DocumentKind[]>(() => (drug?.documents ?? ["leaflet"]) as DocumentKind[], [drug]);
  const print = useMemo(
    () => ({ paper: values.paper, cardFormat: values.cardFormat, duplex: values.duplex }),
    [values.paper, values.cardFormat, values.duplex],
  );
  const shownKind = kinds.includes(kind) ? kind : "leaflet";
  const preview = usePreview(order, print, kinds, shownKind);

  /**
   * The server's problems, less those about a field changed since it looked (the next check, after a pause,
   * says whether they still hold), with a date the browser could not read reported as the validator words it.
   */
  const problems = useMemo<FieldProblem[]>(() => {
    const checked = preview.state?.order ?? {};
    const unchanged = (field: string) =>
      JSON.stringify(valueAt(checked, field)) === JSON.stringify(valueAt(order, field));
    const fromServer = (preview.state?.problems ?? []).filter((p) => unchanged(p.field));
    const bad = Object.entries(badDates)
      .filter(([, isBad]) => isBad)
      .map(([field]) => field);
    return [
      ...fromServer.filter((p) => !bad.includes(p.field)),
      ...bad.map((field) => ({ field, message: catalog.messages.dateNotOnCalendar })),
    ];
  }, [preview.state, badDates, catalog, order]);

  const visible = (field: string) => showAll || touched.has(field) || touched.has(field.split(".")[0] ?? field);
  const messagesFor = (field: string) =>
    visible(field) ? problems.filter((p) => p.field === field).map((p) => p.message) : [];
  const otherProblems = problems.filter((p) => !formFields.includes(p.field));
  const blocking = problems.length > 0 || Boolean(preview.state?.failure);
  const ready = preview.current && !blocking;

  const touch = (field: string) =>
    setTouched((previous) => (previous.has(field) ? previous : new Set(previous).add(field)));

  const act = (what: "print" | "download" | "calendar") => {
    const document = preview.state?.documents[shownKind];
    if (!ready || !document) {
      setShowAll(true);
      const first = problems.find((p) => formFields.includes(p.field));
      if (first) globalThis.document.getElementById(fieldId(first.field))?.focus();
      return;
    }
    if (what === "calendar") {
      void downloadCalendar(order);
      return;
    }
    if (what === "download") downloadPdf(document.bytes, document.fileName);
    else printPdf(document.bytes);
    void recordPrinted(document.documentHash, what);
  };

  const documentTitle = (k: DocumentKind) => t(k === "card" ? "preview.card" : "preview.leaflet");
  const shown = preview.state?.documents[shownKind];
  const status = preview.state?.failure
    ? t("preview.failed")
    : problems.length > 0
      ? t("preview.fixFields", { count: problems.length })
      : preview.busy || !preview.current
        ? t("preview.updating")
        : t("preview.upToDate");

  return (
    <div className="order-layout">
      <section className="form-column" aria-labelledby="form-heading">
        <h2 id="form-heading">{t("form.heading")}</h2>
        <p className="intro">{t("form.intro")}</p>
        {otherProblems.length > 0 && (showAll || touched.size > 0) ? (
          <div className="problem-box" role="alert">
            {otherProblems.map((p) => (
              <p key={`${p.field}:${p.message}`}>
                <strong>{p.field}</strong> {p.message}
              </p>
            ))}
          </div>
        ) : null}
        <OrderForm
          catalog={catalog}
          values={values}
          onChange={setValues}
          messagesFor={messagesFor}
          onTouch={touch}
          onBadDate={(field, bad) =>
            setBadDates((previous) => (previous[field] === bad ? previous : { ...previous, [field]: bad }))
          }
        />
      </section>

      <section className="preview-column" aria-labelledby="preview-heading">
        <div className="preview-toolbar">
          <h2 id="preview-heading">{t("preview.heading")}</h2>
          <fieldset className="document-switch">
            <legend className="visually-hidden">{t("preview.which")}</legend>
            {kinds.map((k) => (
              <button key={k} type="button" aria-pressed={shownKind === k} onClick={() => setKind(k)}>
                {documentTitle(k)}
              </button>
            ))}
          </fieldset>
        </div>
        <div className="preview-toolbar">
          <div className="actions">
            <button type="button" className="primary" onClick={() => act("print")} aria-disabled={!ready}>
              {t(`preview.print.${shownKind}`)}
            </button>
            <button type="button" className="primary" onClick={() => act("download")} aria-disabled={!ready}>
              {t(`preview.download.${shownKind}`)}
            </button>
            <button type="button" onClick={() => act("calendar")} aria-disabled={!ready}>
              {t("preview.calendar")}
            </button>
          </div>
        </div>
        <p className={`preview-status${ready ? " ok" : ""}`} role="status" aria-live="polite">
          {status}
        </p>
        {shown ? (
          <PdfViewer
            key={shownKind}
            bytes={shown.bytes}
            title={documentTitle(shownKind)}
            maxWidth={shownKind === "card" ? 520 : 900}
            aspect={shownKind === "card" && values.cardFormat !== "sheet" ? 85.6 / 53.98 : 210 / 297}
            stale={!preview.isCurrent(shownKind)}
            updating={!preview.isCurrent(shownKind) && !blocking}
          />
        ) : (
          <p className="preview-empty">{t("preview.empty")}</p>
        )}
      </section>
    </div>
  );
}

/** An order's value at a field path ("contact.nurseLine"). */
function valueAt(order: Record<string, unknown>, field: string): unknown {
  let value: unknown = order;
  for (const key of field.split(".")) {
    value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}
