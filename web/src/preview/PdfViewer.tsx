// Shows one PDF a page at a time with the react-pdf viewer (pdf.js, worker served by this server). The page
// is fitted to the room its frame has (the column's width and the window's height); zoom (− / + / Fit) and
// page keys work while the preview has focus: + and − zoom, 0 fits, PageDown/PageUp (and → ←) turn pages,
// Home/End go to the first and last. While a newer PDF or another page is drawn, the last drawn page stays
// in place (the new one is drawn out of sight, then swapped in), marked with a quiet "updating…".
import { type KeyboardEvent, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Document, Page } from "react-pdf";
import { useElementSize } from "./useElementSize.ts";

interface PdfViewerProps {
  bytes: Uint8Array;
  /** "Leaflet" or "Card", in the page's language. */
  title: string;
  /** Widest the page is shown at when fitted, in CSS pixels (a card is small on paper). */
  maxWidth: number;
  /** Width over height of the page, until the PDF's own page says (A4 for a leaflet). */
  aspect: number;
  /** The PDF is not of the form as it is now (a field to fix, or a newer one on its way). */
  stale: boolean;
  /** A newer PDF is being made: the page shown is the last good one. */
  updating: boolean;
}

/** Zoom steps, as a share of the fitted page. */
const ZOOMS = [1, 1.25, 1.5, 2, 3];

interface Target {
  file: { data: Uint8Array };
  page: number;
}

let nextFileId = 0;
const fileIds = new WeakMap<object, number>();
const fileId = (file: object) => {
  let id = fileIds.get(file);
  if (id === undefined) {
    id = nextFileId++;
    fileIds.set(file, id);
  }
  return id;
};

export function PdfViewer({ bytes, title, maxWidth, aspect: firstAspect, stale, updating }: PdfViewerProps) {
  const { t } = useTranslation();
  const frame = useRef<HTMLElement>(null);
  const room = useElementSize(frame);
  const [pages, setPages] = useState(0);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(0);
  const [aspect, setAspect] = useState(firstAspect);
  /** Which page of which file was last drawn: it stays shown until the wanted one is drawn. */
  const [drawn, setDrawn] = useState<Target>();
  // pdf.js takes over the buffer it is given: give it a copy, the original stays for Download and Print.
  const file = useMemo(() => ({ data: new Uint8Array(bytes) }), [bytes]);
  const shown = Math.min(page, Math.max(pages, 1));
  const target: Target = { file, page: shown };
  const isTarget = (layer: Target) => layer.file === file && layer.page === shown;
  const layers = drawn && !isTarget(drawn) ? [drawn, target] : [target];
  const waiting = layers.length > 1;

  const fitted = Math.max(
    40,
    Math.floor(Math.min(room.width, maxWidth, room.height > 0 ? room.height * aspect : room.width)),
  );
  const width = Math.round(fitted * (ZOOMS[zoom] ?? 1));
  const goTo = (n: number) => setPage(Math.min(Math.max(1, n), Math.max(pages, 1)));
  const zoomBy = (step: number) => setZoom((z) => Math.min(Math.max(0, z + step), ZOOMS.length - 1));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (key === "+" || key === "=") zoomBy(1);
    else if (key === "-") zoomBy(-1);
    else if (key === "0") setZoom(0);
    else if (key === "PageDown" || key === "ArrowRight") goTo(shown + 1);
    else if (key === "PageUp" || key === "ArrowLeft") goTo(shown - 1);
    else if (key === "Home") goTo(1);
    else if (key === "End") goTo(pages);
    else return;
    event.preventDefault();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys act on the page frame (focusable) and its buttons
    <div className={`pdf-viewer${stale && !updating ? " stale" : ""}`} onKeyDown={onKeyDown}>
      <nav className="page-nav" aria-label={t("preview.pages", { title })}>
        <button type="button" onClick={() => goTo(shown - 1)} disabled={shown <= 1}>
          <span aria-hidden="true">‹ </span>
          {t("preview.previous")}
        </button>
        <span className="page-count" aria-live="polite">
          {pages > 0 ? t("preview.pageOf", { page: shown, pages }) : ""}
        </span>
        <button type="button" onClick={() => goTo(shown + 1)} disabled={shown >= pages}>
          {t("preview.next")}
          <span aria-hidden="true"> ›</span>
        </button>
        <fieldset className="zoom">
          <legend className="visually-hidden">{t("preview.zoom")}</legend>
          <button type="button" onClick={() => zoomBy(-1)} disabled={zoom === 0} aria-label={t("preview.zoomOut")}>
            −
          </button>
          <button type="button" onClick={() => setZoom(0)} aria-pressed={zoom === 0} className="zoom-level">
            {zoom === 0 ? t("preview.fit") : `${Math.round((ZOOMS[zoom] ?? 1) * 100)} %`}
          </button>
          <button
            type="button"
            onClick={() => zoomBy(1)}
            disabled={zoom === ZOOMS.length - 1}
            aria-label={t("preview.zoomIn")}
          >
            +
          </button>
        </fieldset>
      </nav>
      <section
        className={`page-frame${zoom > 0 ? " zoomed" : ""}`}
        ref={frame}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focus here lets the page keys and scrolling work
        tabIndex={0}
        aria-label={t("preview.pageLabel", { title, page: shown, pages })}
        aria-describedby="preview-keys"
        aria-busy={waiting || updating}
      >
        {room.width > 0
          ? // One Document per file (pdf.js takes over a file's buffer: a file is never opened twice), with
            // the drawn page and the wanted one in it while the wanted one is drawn out of sight.
            [...new Set(layers.map((layer) => layer.file))].map((layerFile) => (
              <Document
                key={fileId(layerFile)}
                file={layerFile}
                onLoadSuccess={
                  layerFile === file
                    ? ({ numPages }) => {
                        setPages(numPages);
                        if (page > numPages) setPage(1);
                      }
                    : undefined
                }
                loading={waiting ? null : <p className="preview-note">{t("preview.loading")}</p>}
                error={<p className="preview-note">{t("preview.cannotShow")}</p>}
              >
                {layers
                  .filter((layer) => layer.file === layerFile)
                  .map((layer) => {
                    const wanted = isTarget(layer);
                    const hidden = waiting && wanted;
                    return (
                      <figure
                        key={layer.page}
                        className={`page-figure${hidden ? " pending" : ""}`}
                        aria-hidden={hidden ? "true" : undefined}
                        data-page-rendered={wanted && !waiting && drawn && isTarget(drawn) ? "true" : "false"}
                      >
                        <Page
                          pageNumber={layer.page}
                          width={width}
                          renderTextLayer={false}
                          renderAnnotationLayer={false}
                          onLoadSuccess={
                            wanted
                              ? ({ originalWidth, originalHeight }) => setAspect(originalWidth / originalHeight)
                              : undefined
                          }
                          onRenderSuccess={wanted ? () => setDrawn({ file: layer.file, page: layer.page }) : undefined}
                          loading={waiting ? null : <p className="preview-note">{t("preview.loading")}</p>}
                        />
                      </figure>
                    );
                  })}
              </Document>
            ))
          : null}
        {updating || waiting ? (
          <span className="updating-badge" aria-hidden="true">
            {t("preview.updatingShort")}
          </span>
        ) : null}
      </section>
      <p id="preview-keys" className="preview-keys">
        {t("preview.keys")}
      </p>
    </div>
  );
}
