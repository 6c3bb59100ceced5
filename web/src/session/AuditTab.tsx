// The admin's view of the audit trail: who did what, when, for which patient id, filtered by patient, user
// and dates. Patient ids only; the trail never holds names.
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditRecord, fetchAudit } from "./sessionApi.ts";

const FILTERS = ["patient", "user", "since", "until"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

export function AuditTab() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ patient: "", user: "", since: "", until: "" });
  const [records, setRecords] = useState<AuditRecord[]>();
  const [failed, setFailed] = useState(false);

  const load = useCallback((wanted: Filters) => {
    fetchAudit(wanted).then(
      (found) => {
        setFailed(false);
        setRecords(found);
      },
      () => setFailed(true),
    );
  }, []);
  useEffect(() => load({ patient: "", user: "", since: "", until: "" }), [load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    load(filters);
  };

  return (
    <section className="audit" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t("audit.heading")}</h2>
      <form className="audit-filters" onSubmit={submit}>
        {FILTERS.map((name) => (
          <label key={name}>
            {t(`audit.filter.${name}`)}
            <input
              type={name === "since" || name === "until" ? "date" : "text"}
              value={filters[name]}
              onChange={(e) => setFilters({ ...filters, [name]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit">{t("audit.show")}</button>
      </form>
      {failed ? (
        <p className="problem-box" role="alert">
          {t("audit.failed")}
        </p>
      ) : null}
      {records ? (
        <table className="audit-table">
          <thead>
            <tr>
              {["time", "user", "action", "patient", "medicine", "language", "client", "outcome"].map((column) => (
                <th key={column} scope="col">
                  {t(`audit.column.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <tr key={record.seq} data-seq={record.seq}>
                <td>{record.time.replace("T", " ").slice(0, 19)}</td>
                <td>{record.user}</td>
                <td>{record.action}</td>
                <td>{record.patientIds.join(", ")}</td>
                <td>{record.medicine ?? ""}</td>
                <td>{record.language ?? ""}</td>
                <td>{record.client ?? ""}</td>
                <td>{record.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {records?.length === 0 ? <p>{t("audit.none")}</p> : null}
    </section>
  );
}
