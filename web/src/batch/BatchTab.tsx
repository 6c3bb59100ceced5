// A batch for a pharmacy: upload a CSV file of orders, watch the progress, read the report row by row
// (row number, patient id, each failing field) and download the results as a zip. The server deletes the
// files after the download, or an hour after the upload.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type BatchResponse, batchDownloadUrl, type FieldProblem, fetchBatch, uploadBatch } from "../api.ts";
import type { Catalog } from "../order/formValues.ts";

const POLL_MS = 1000;

export function BatchTab({ catalog }: { catalog: Catalog }) {
  const { t, i18n } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [paper, setPaper] = useState(catalog.paperSizes[0] ?? "A4");
  const [merge, setMerge] = useState(false);
  const [errors, setErrors] = useState<FieldProblem[]>([]);
  const [uploading, setUploading] = useState(false);
  const [jobId, setJobId] = useState<string>();
  const [job, setJob] = useState<BatchResponse>();
  const [downloaded, setDownloaded] = useState(false);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await fetchBatch(jobId).catch(() => undefined);
      if (stopped) return;
      if (result?.ok) setJob(result.value);
      else if (result) setErrors(result.errors);
      const status = result?.ok ? result.value.status : undefined;
      if (status === "queued" || status === "running" || result === undefined) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [jobId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    setErrors([]);
    if (!file) {
      setErrors([{ field: "(input)", message: t("batch.chooseFirst") }]);
      fileInput.current?.focus();
      return;
    }
    if (file.size > catalog.limits.csvBytes) {
      setErrors([{ field: "(input)", message: t("batch.tooLarge", { mb: catalog.limits.csvBytes / 1024 / 1024 }) }]);
      return;
    }
    setUploading(true);
    setJob(undefined);
    setJobId(undefined);
    setDownloaded(false);
    try {
      const result = await uploadBatch(file, { paper, merge });
      if (result.ok) setJobId(result.value.id);
      else setErrors(result.errors);
    } catch {
      setErrors([{ field: "(server)", message: t("batch.noServer") }]);
    } finally {
      setUploading(false);
    }
  };

  const progress = job?.progress;
  const running = job?.status === "queued" || job?.status === "running";
  const expires = job
    ? new Date(job.expiresAt).toLocaleTimeString(i18n.language, { hour: "2-digit", minute: "2-digit" })
    : "";

  return (
    <section className="batch" aria-labelledby="batch-heading">
      <h2 id="batch-heading">{t("batch.heading")}</h2>
      <p className="intro">{t("batch.intro")}</p>
      <details className="columns-help">
        <summary>{t("batch.columnsSummary")}</summary>
        <p>{t("batch.columnsText")}</p>
        <code className="columns">
          {catalog.orderFields.map((f) => (f === "contact" ? "contact.nurseLine;contact.emergency" : f)).join(";")}
        </code>
      </details>
      <form className="batch-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="batch-file">{t("batch.file")}</label>
          <p className="hint" id="batch-file-hint">
            {t("batch.fileHint", { mb: catalog.limits.csvBytes / 1024 / 1024 })}
          </p>
          <input
            id="batch-file"
            ref={fileInput}
            type="file"
            accept=".csv,text/csv,.jsonl,.ndjson"
            aria-describedby="batch-file-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="batch-paper">{t("fields.paper")}</label>
          <select id="batch-paper" value={paper} onChange={(event) => setPaper(event.currentTarget.value)}>
            {catalog.paperSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox-field">
          <input
            id="batch-merge"
            type="checkbox"
            checked={merge}
            onChange={(event) => setMerge(event.currentTarget.checked)}
          />
          <label htmlFor="batch-merge">{t("batch.merge")}</label>
        </div>
        <button type="submit" className="primary" disabled={uploading || running}>
          {uploading ? t("batch.uploading") : t("batch.start")}
        </button>
      </form>

      {errors.length > 0 ? (
        <div className="problem-box" role="alert">
          {errors.map((e) => (
            <p key={`${e.field}:${e.message}`}>{e.message}</p>
          ))}
        </div>
      ) : null}

      {job && progress ? (
        <div className="batch-job">
          <h3>{t("batch.jobHeading", { file: job.fileName })}</h3>
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-labelledby="batch-progress-text" />
          <p id="batch-progress-text" role="status" aria-live="polite" data-status={job.status}>
            {t(`batch.status.${job.status}`, {
              done: progress.done,
              total: progress.total,
              ok: progress.ok,
              failed: progress.failed,
              seconds: progress.seconds.toFixed(0),
            })}
          </p>
          {job.errors?.length ? (
            <div className="problem-box" role="alert">
              {job.errors.map((e) => (
                <p key={`${e.field}:${e.message}`}>{e.message}</p>
              ))}
            </div>
          ) : null}
          {job.status === "done" ? (
            <p className="download-row">
              <a
                className="button primary"
                href={batchDownloadUrl(job.id)}
                download
                onClick={() => setDownloaded(true)}
              >
                {t("batch.download")}
              </a>
              <span className="hint">{t("batch.kept", { time: expires })}</span>
            </p>
          ) : null}
          {downloaded || job.status === "downloaded" ? <p className="hint">{t("batch.downloaded")}</p> : null}
          {job.rows ? <BatchReport rows={job.rows} /> : null}
        </div>
      ) : null}
    </section>
  );
}

function BatchReport({ rows }: { rows: NonNullable<BatchResponse["rows"]> }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="report">
        <caption>{t("batch.reportCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("batch.row")}</th>
            <th scope="col">{t("fields.patientId")}</th>
            <th scope="col">{t("batch.result")}</th>
            <th scope="col">{t("batch.problems")}</th>
            <th scope="col">{t("batch.files")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} className={`row-${row.status}`} data-row={row.row}>
              <th scope="row">{row.row}</th>
              <td>{row.patientId ?? "—"}</td>
              <td>{t(`batch.rowStatus.${row.status}`)}</td>
              <td>
                {row.errors.length === 0 ? (
                  "—"
                ) : (
                  <ul>
                    {row.errors.map((e) => (
                      <li key={`${e.field}:${e.message}`}>
                        <strong>{e.field}</strong> {e.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="files">{row.files.map((f) => f.split("/").pop()).join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
