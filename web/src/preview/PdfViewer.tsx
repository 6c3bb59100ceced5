// Shows one PDF a page at a time with the react-pdf viewer (pdf.js, worker served by this server), fitted
// to its column, with Previous/Next buttons. Pages are drawn as pictures; the words are in the PDF itself.
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Document, Page } from "react-pdf";
import { useElementWidth } from "../hooks.ts";

interface PdfViewerProps {
  bytes: Uint8Array;
  /** "Leaflet" or "Card", in the page's language. */
  title: string;
  /** Widest the page is shown at, in CSS pixels (a card is small on paper). */
  maxWidth: number;
  stale: boolean;
}

export function PdfViewer({ bytes, title, maxWidth, stale }: PdfViewerProps) {
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frame);
  const [pages, setPages] = useState(0);
  const [page, setPage] = useState(1);
  /** Which page of which file was last drawn: tests and screenshots wait for the one shown. */
  const [drawn, setDrawn] = useState<{ file: object; page: number }>();
  // pdf.js takes over the buffer it is given: give it a copy, the original stays for Download and Print.
  const file = useMemo(() => ({ data: new Uint8Array(bytes) }), [bytes]);
  const shown = Math.min(page, Math.max(pages, 1));

  return (
    <div className={`pdf-viewer${stale ? " stale" : ""}`}>
      <nav className="page-nav" aria-label={t("preview.pages", { title })}>
        <button type="button" onClick={() => setPage(Math.max(1, shown - 1))} disabled={shown <= 1}>
          <span aria-hidden="true">‹ </span>
          {t("preview.previous")}
        </button>
        <span className="page-count" aria-live="polite">
          {pages > 0 ? t("preview.pageOf", { page: shown, pages }) : ""}
        </span>
        <button type="button" onClick={() => setPage(Math.min(pages, shown + 1))} disabled={shown >= pages}>
          {t("preview.next")}
          <span aria-hidden="true"> ›</span>
        </button>
      </nav>
      <div className="page-frame" ref={frame}>
        <Document
          file={file}
          onLoadSuccess={({ numPages }) => {
            setPages(numPages);
            if (page > numPages) setPage(1);
          }}
          loading={<p className="preview-note">{t("preview.loading")}</p>}
          error={<p className="preview-note">{t("preview.cannotShow")}</p>}
        >
          {width > 0 ? (
            <figure
              className="page-figure"
              aria-label={t("preview.pageLabel", { title, page: shown, pages })}
              data-page-rendered={drawn?.file === file && drawn.page === shown ? "true" : "false"}
            >
              <Page
                pageNumber={shown}
                width={Math.min(width, maxWidth)}
                renderTextLayer={false}
                renderAnnotationLayer={false}
                onRenderSuccess={() => setDrawn({ file, page: shown })}
                loading={<p className="preview-note">{t("preview.loading")}</p>}
              />
            </figure>
          ) : null}
        </Document>
      </div>
    </div>
  );
}
